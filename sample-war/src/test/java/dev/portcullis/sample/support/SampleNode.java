package dev.portcullis.sample.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One node of a cluster the test builds by hand: a Payara Micro of its own, started by the test
 * with {@code --nocluster} (no Hazelcast: nothing is shared between nodes but what the database
 * holds), running {@code war} at {@code /sample} with the data source the environment names ({@code
 * PORTCULLIS_DB_*}, read by the sample's {@code EnvironmentDataSource}, as the README's database
 * section configures a real deployment).
 */
public final class SampleNode implements Node {

  private static final Pattern ANNOUNCED_PORT = Pattern.compile("\"Http Port\\(s\\)\": \"(\\d+)");

  private final String name;
  private final Process process;
  private final Path dir;

  /** The port asked for, until the node says which one it listens on (see {@link #awaitUp}). */
  private volatile int port;

  private volatile boolean portAnnounced;

  private SampleNode(String name, Process process, int port, Path dir) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Starts node {@code name} with {@code war} and the environment {@code environment} and waits
   * until the sample answers (at most 5 minutes).
   */
  public static SampleNode start(String name, WebArchive war, Map<String, String> environment)
      throws IOException {
    Path dir = Files.createTempDirectory("portcullis-node-" + name + "-");
    File file = dir.resolve("sample.war").toFile();
    war.as(ZipExporter.class).exportTo(file, true);
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx640m", "-jar", System.getProperty("payara.microJar")));
    // The free port may be taken again before Payara binds it (another node, a browser, an
    // outgoing connection's ephemeral port): autoBindHttp moves to the next one, and awaitUp reads
    // the port Payara announces.
    command.addAll(List.of("--deploy", file.getPath(), "--port", String.valueOf(port)));
    command.add("--autoBindHttp");
    command.addAll(List.of("--nocluster", "--rootdir", dir.resolve("root").toString()));
    String postBoot = System.getProperty("payara.postBootCommands");
    if (postBoot != null) {
      command.addAll(List.of("--postbootcommandfile", postBoot));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile());
    builder.environment().putAll(environment);
    SampleNode node = new SampleNode(name, builder.start(), port, dir);
    node.awaitUp();
    return node;
  }

  @Override
  public URL base() {
    try {
      return URI.create("http://localhost:" + port + "/sample/").toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The server log so far (for a failure message). */
  public String logTail() {
    return NodeProcesses.tail(dir.resolve("server.log"));
  }

  /** Waits until the JSON login answers 200; fails with the log's tail if the app did not start. */
  private void awaitUp() {
    if (!NodeProcesses.awaitLogin(this::base, process, this::failed, this::announcedPort)) {
      String tail = logTail();
      close();
      throw new IllegalStateException("Node " + name + " did not start; log tail:\n" + tail);
    }
  }

  /**
   * Whether Payara has announced the port it listens on ({@code "Http Port(s)": "N"} in the log of
   * a started instance); takes it as this node's port.
   */
  private boolean announcedPort() {
    if (portAnnounced) {
      return true; // read once: the log is not read again for every probe after that
    }
    try {
      Path log = dir.resolve("server.log");
      if (!Files.exists(log)) {
        return false;
      }
      Matcher announced = ANNOUNCED_PORT.matcher(Files.readString(log));
      if (!announced.find()) {
        return false;
      }
      port = Integer.parseInt(announced.group(1));
      portAnnounced = true;
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean failed() {
    Path log = dir.resolve("server.log");
    try {
      return Files.exists(log) && Files.readString(log).contains("Exception while loading the app");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the node and removes its folder (the WAR, the log and Payara's runtime). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    NodeProcesses.deleteFolder(dir);
  }
}
