package dev.portcullis.sample.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder in the test JVM between the server under test and a real database: {@link #cut()}
 * closes every forwarded connection and refuses new ones (each is accepted and closed at once, as a
 * database that went away), {@link #restore()} forwards again. The outage is real to the server —
 * its pooled connections break, new ones fail — and needs no privileges, and both moments are
 * exact, which stopping the database would not be.
 */
public final class DatabaseProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  /** Listens on a free port of 127.0.0.1, forwarding to {@code host:port}. */
  public DatabaseProxy(String host, int port) throws IOException {
    this(host, port, 0);
  }

  /**
   * Listens on {@code listen} of 127.0.0.1 (a free port if 0: a server configured beforehand needs
   * a fixed one), forwarding to {@code host:port}.
   */
  public DatabaseProxy(String host, int port, int listen) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listen), 50);
    Thread acceptor = new Thread(this::accept, "database-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port the server under test connects to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** The database goes away: open connections are closed, new ones closed on arrival. */
  public void cut() {
    down = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** The database is back. */
  public void restore() {
    down = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (down) {
          closeQuietly(client);
        } else {
          forward(client);
        }
      } catch (IOException e) {
        // closed, or one failed connection: go on until closed
      }
    }
  }

  private void forward(Socket client) throws IOException {
    Socket server = new Socket();
    try {
      server.connect(target, 5000);
    } catch (IOException e) {
      closeQuietly(client);
      closeQuietly(server);
      return;
    }
    open.add(client);
    open.add(server);
    pump(client, server);
    pump(server, client);
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "database-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}
