package dev.portcullis.sample.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One node of a cluster the test builds by hand, on WildFly: the server the build unpacked and
 * configured ({@code wildfly.home}, see {@code src/test/servers/wildfly/configure.cli}) started by
 * the test with a server directory of its own ({@code jboss.server.base.dir}: a copy of the
 * configuration, fresh deployments, data, log and tmp, so the Arquillian-managed WildFly of the
 * same run is left alone) and ports of its own ({@code jboss.socket.binding.port-offset}). The WAR
 * is deployed by the deployment scanner (copied to {@code deployments} before the boot); the node
 * is up when the scanner writes {@code sample.war.deployed} and the JSON login answers. The data
 * source is the sample's {@code EnvironmentDataSource}, configured by {@code PORTCULLIS_DB_*} in
 * the environment as on Payara.
 */
public final class WildFlyNode implements Node {

  /** The ports of standalone.xml the offset moves (ajp, http, https, management, transactions). */
  private static final List<Integer> PORTS = List.of(8009, 8080, 8443, 9990, 9993, 4712, 4713);

  private final String name;
  private final Process process;
  private final int offset;
  private final Path dir;

  private WildFlyNode(String name, Process process, int offset, Path dir) {
    this.name = name;
    this.process = process;
    this.offset = offset;
    this.dir = dir;
  }

  /**
   * Starts node {@code name} on the WildFly of the system property {@code wildfly.home} with {@code
   * war} and {@code environment}, and waits until the sample answers (at most 5 minutes).
   */
  public static WildFlyNode start(String name, WebArchive war, Map<String, String> environment)
      throws IOException {
    Path home = Path.of(System.getProperty("wildfly.home"));
    Path dir = Files.createTempDirectory("portcullis-wildfly-" + name + "-");
    Path base = dir.resolve("standalone");
    copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
    Files.createDirectories(base.resolve("deployments"));
    war.as(ZipExporter.class).exportTo(base.resolve("deployments/sample.war").toFile(), true);
    int offset = freeOffset();
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "--server-config=standalone.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.log").toFile());
    Map<String, String> env = builder.environment();
    env.putAll(environment);
    env.put("JBOSS_HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put(
        "JAVA_OPTS",
        "-Xms64m -Xmx640m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
            + " -Djboss.modules.system.pkgs=org.jboss.byteman");
    WildFlyNode node = new WildFlyNode(name, builder.start(), offset, dir);
    node.awaitUp();
    return node;
  }

  @Override
  public URL base() {
    try {
      return URI.create("http://localhost:" + (8080 + offset) + "/sample/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The console output so far (for a failure message). */
  public String logTail() {
    return NodeProcesses.tail(dir.resolve("console.log"));
  }

  /**
   * Waits for the scanner's {@code .deployed} marker and a 200 from the JSON login; fails with the
   * console's tail when the scanner writes {@code .failed}, the server exits or time runs out.
   */
  private void awaitUp() {
    Path deployments = dir.resolve("standalone/deployments");
    if (!NodeProcesses.awaitLogin(
        this::base,
        process,
        () -> Files.exists(deployments.resolve("sample.war.failed")),
        () -> Files.exists(deployments.resolve("sample.war.deployed")))) {
      String tail = logTail();
      close();
      throw new IllegalStateException(
          "WildFly node " + name + " did not start; log tail:\n" + tail);
    }
  }

  /**
   * Keeps the console output in {@code target/wildfly-node-<name>.log} (the node's folder goes):
   * what a failed start or a failed test left in WildFly's log.
   */
  private void keepLog() {
    try {
      Files.copy(
          dir.resolve("console.log"),
          Path.of("target", "wildfly-node-" + name + ".log"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // the tail is in the failure message
    }
  }

  /**
   * A port offset under which every port of {@link #PORTS} is free now (the Arquillian-managed
   * WildFly of the same run holds those of its own offset).
   */
  private static int freeOffset() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(13_000, 50_000);
      if (PORTS.stream().allMatch(port -> free(port + offset))) {
        return offset;
      }
    }
    throw new IOException("no port offset with all of " + PORTS + " free");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException taken) {
      return false;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * Stops the server (the JVM standalone.sh started, then the script) and removes its folder (the
   * WAR, the configuration copy, data and logs).
   */
  @Override
  public void close() {
    keepLog();
    List<ProcessHandle> jvms = process.toHandle().descendants().toList();
    jvms.forEach(ProcessHandle::destroy);
    for (ProcessHandle jvm : jvms) {
      try {
        jvm.onExit().get(60, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        jvm.destroyForcibly();
      } catch (InterruptedException e) {
        jvm.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    NodeProcesses.deleteFolder(dir);
  }
}
