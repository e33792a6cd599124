# Sourced by the bench/*.sh scripts: starts one application server at a time (Payara Micro,
# WildFly or Open Liberty) with a list of WARs on a free port, owned by the calling script, and
# stops it again (also on failure or Ctrl-C, through the EXIT trap this file installs).
#
# After sourcing: WORK (a temporary folder removed on exit), and the functions
#   free_port                         prints a free TCP port
#   prepare_server KIND               unpacks and configures WildFly or Open Liberty from ~/.m2
#                                     into sample-war/target/servers (the ITs' set-up), once
#   start_server KIND PORT URL WAR... starts KIND with the WARs (context root: the file's name
#                                     without .war) and returns once URL answers 200
#   stop_server                       stops the server start_server started
# Environment: BENCH_START_TIMEOUT (s, default 240), BENCH_JAVA_OPTS (extra JVM options of the
# server, e.g. -XX:StartFlightRecording=...), BENCH_MAVEN_ARGS (default -o), and any variables
# the caller passes to start_server through the environment (PORTCULLIS_*, SECURITY_*).
# Usage: source "$(dirname "$0")/lib/servers.sh" <work-folder-prefix>

WORK=$(mktemp -d "/tmp/${1:-portcullis-bench}.XXXXXX")
SERVER_PID=""
SERVER_KIND=""
SERVER_LOG=""
MAVEN=(mvn -B -q ${BENCH_MAVEN_ARGS--o})
SERVERS_DIR=sample-war/target/servers
WILDFLY_HOME=$SERVERS_DIR/wildfly-38.0.1.Final
LIBERTY_HOME=$SERVERS_DIR/wlp

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# A WildFly port offset under which every port of standalone.xml's socket bindings is free.
wildfly_free_offset() {
  python3 - <<'PY'
import random, socket
ports = (8080, 8443, 9990, 9993, 8009, 4712, 4713)
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
for _ in range(200):
    offset = random.randrange(1000, 50000)
    if all(free(p + offset) for p in ports):
        print(offset); break
else:
    raise SystemExit("no free WildFly port offset")
PY
}

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # The server runs in a process group of its own (setsid): its launcher scripts and their JVM.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# On exit: stops the server; after a failure (not 3: targets missed) keeps the servers' logs.
cleanup_servers() {
  local status=$? log kept
  stop_server
  if [[ $status != 0 && $status != 3 ]] && compgen -G "$WORK/*/server.log" >/dev/null; then
    kept=$(mktemp -d "${WORK}-logs.XXXX")
    for log in "$WORK"/*/server.log; do cp "$log" "$kept/$(basename "$(dirname "$log")").log"; done
    echo "server logs kept in $kept"
  fi
  rm -rf "$WORK"
}
trap cleanup_servers EXIT
trap 'exit 130' INT TERM

prepare_server() {
  case $1 in
    payara) ;;
    wildfly)
      if ! grep -q 'integrated-jaspi="false"' "$WILDFLY_HOME/standalone/configuration/standalone.xml" 2>/dev/null; then
        echo "== unpacking and configuring WildFly into $SERVERS_DIR"
        "${MAVEN[@]}" -pl sample-war -Dit.server=wildfly \
          dependency:unpack@unpack-wildfly exec:exec@configure-wildfly
      fi ;;
    liberty)
      if [[ ! -x "$LIBERTY_HOME/bin/server" || ! -d "$LIBERTY_HOME/usr/shared/resources/h2" ]]; then
        echo "== unpacking Open Liberty into $SERVERS_DIR"
        "${MAVEN[@]}" -pl sample-war -Dit.server=liberty dependency:unpack@unpack-liberty \
          dependency:copy@liberty-h2-library jar:jar@liberty-data-source-class
      fi ;;
    *) echo "unknown server '$1' (payara, wildfly or liberty)"; exit 2 ;;
  esac
}

# The server.xml of the ITs (src/test/servers/liberty) on PORT, with the WARs as applications.
liberty_server_xml() {
  local port=$1; shift
  local apps="" war name
  for war in "$@"; do
    name=$(basename "$war" .war)
    apps+="  <webApplication location=\"$(realpath "$war")\" contextRoot=\"$name\">"
    apps+="<classloader commonLibraryRef=\"h2\" apiTypeVisibility=\"+third-party\"/></webApplication>"$'\n'
  done
  sed -e "s/@liberty.http.port@/$port/" -e '/localConnector-1.0/d' \
    sample-war/src/test/servers/liberty/server.xml \
    | APPS="$apps" python3 -c 'import os,sys; print(sys.stdin.read().replace("</server>", os.environ["APPS"] + "</server>"))'
}

start_server() {
  local kind=$1 port=$2 url=$3; shift 3
  local dir="$WORK/$kind" war
  mkdir -p "$dir"
  SERVER_KIND=$kind
  SERVER_LOG="$dir/server.log"
  echo "== starting $kind on port $port with $(for war in "$@"; do basename "$war"; done | paste -sd' ') (log: $SERVER_LOG)"
  case $kind in
    payara)
      local deploys=()
      for war in "$@"; do deploys+=(--deploy "$war"); done
      # shellcheck disable=SC2086
      setsid java ${BENCH_JAVA_OPTS:-} -jar sample-war/target/payara-micro.jar "${deploys[@]}" \
        --port "$port" --nocluster >"$SERVER_LOG" 2>&1 &
      ;;
    wildfly)
      # A base directory of its own (configuration, deployments, data), the installation shared.
      cp -r "$WILDFLY_HOME/standalone" "$dir/base"
      rm -rf "$dir/base/deployments/"* "$dir/base/data" "$dir/base/tmp" "$dir/base/log"
      for war in "$@"; do cp "$war" "$dir/base/deployments/"; done
      local offset=$((port - 8080))
      JBOSS_HOME=$(realpath "$WILDFLY_HOME") LAUNCH_JBOSS_IN_BACKGROUND=1 \
        JAVA_OPTS="-Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true ${BENCH_JAVA_OPTS:-}" \
        setsid "$WILDFLY_HOME/bin/standalone.sh" -c standalone.xml \
        -Djboss.server.base.dir="$dir/base" -Djboss.socket.binding.port-offset="$offset" \
        >"$SERVER_LOG" 2>&1 &
      ;;
    liberty)
      # A user directory of its own (server.xml, the shared H2 library, logs, work area).
      mkdir -p "$dir/usr/servers/bench" "$dir/usr/shared/resources"
      cp -r "$LIBERTY_HOME/usr/shared/resources/h2" "$dir/usr/shared/resources/"
      liberty_server_xml "$port" "$@" >"$dir/usr/servers/bench/server.xml"
      WLP_USER_DIR="$dir/usr" JVM_ARGS="${BENCH_JAVA_OPTS:-}" \
        setsid "$LIBERTY_HOME/bin/server" run bench >"$SERVER_LOG" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  # Servers print "started" even when an application failed: wait for a real answer.
  local i code limit=${BENCH_START_TIMEOUT:-240}
  for i in $(seq 1 "$limit"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "$kind exited"; tail -50 "$SERVER_LOG"; exit 2; }
    if [[ $i == "$limit" ]]; then
      echo "$url never answered 200 (last: $code)"
      grep -E -A5 'SEVERE|ERROR|\[ERROR' "$SERVER_LOG" | head -40
      exit 2
    fi
    sleep 1
  done
  echo "   up after ~${i}s"
}

# wildfly_port: the HTTP port start_server will use for WildFly (8080 + a free offset).
wildfly_port() {
  echo $((8080 + $(wildfly_free_offset)))
}
