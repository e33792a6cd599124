# Sourced by the bench/*.sh scripts: signs in to the sample and checks requests before they are
# measured. Needs BASE (http://host:port/sample) and WORK.
#
#   json_field EXPR           filter: a field of a JSON document, e.g. '["response"]["csrf_token"]'
#   sign_in JAR [QUERY]       POST /api/login as admin@example.com (CSRF token first; the cookie
#                             jar keeps the session); prints the response
#   sample_token              an auth token of admin@example.com
#   sample_session            the JSESSIONID of a signed-in admin@example.com
#   expect_200 NAME CURL-ARGS one request; exits unless it answers 200

json_field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval("d"+sys.argv[1]))' "$1"; }

sign_in() {
  local jar=$1 query=${2:-} csrf
  csrf=$(curl -s -c "$jar" -b "$jar" -H 'Accept: application/json' "$BASE/api/login" \
    | json_field '["response"]["csrf_token"]')
  curl -s -f -c "$jar" -b "$jar" -H 'Accept: application/json' -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@example.com\",\"password\":\"Password123!\",\"csrf_token\":\"$csrf\"}" \
    "$BASE/api/login$query"
}

# Fresh cookie jars each time: cookies ignore the port, and an earlier server's session cookie for
# localhost would otherwise travel along.
sample_token() {
  rm -f "$WORK/token.jar"
  sign_in "$WORK/token.jar" '?include_auth_token' \
    | json_field '["response"]["user"]["authentication_token"]'
}

sample_session() {
  rm -f "$WORK/session.jar"
  sign_in "$WORK/session.jar" >/dev/null
  awk '$6 == "JSESSIONID" { print $7 }' "$WORK/session.jar" | tail -1
}

expect_200() {
  local name=$1 code
  shift
  code=$(curl -s -o "$WORK/check.out" -w '%{http_code}' "$@")
  echo "   $name -> $code $(head -c 200 "$WORK/check.out")"
  [[ "$code" == 200 ]] || { echo "$name did not answer 200"; exit 1; }
}
