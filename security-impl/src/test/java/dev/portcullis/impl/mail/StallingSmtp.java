package dev.portcullis.impl.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server in the test JVM that can hold a sender in the middle of a delivery: from
 * the {@link #stallFrom}-th message on, it takes the whole message (recorded as received, as a real
 * server that has it queued) and then never answers the final {@code 250}, so the sender waits
 * inside its send until it is killed. GreenMail cannot stall; this speaks just what Jakarta Mail
 * sends (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT).
 */
final class StallingSmtp implements AutoCloseable {

  private final ServerSocket listener;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile int stallFrom;

  /** Stalls from the {@code stallFrom}-th message on (1-based); 0 never stalls. */
  StallingSmtp(int stallFrom) throws IOException {
    this.stallFrom = stallFrom;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "stalling-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** From now on every message is answered at once. */
  void stallNever() {
    stallFrom = 0;
  }

  /** The recipients of the messages taken so far, one entry per message, in order. */
  List<String> received() {
    return List.copyOf(received);
  }

  /** How many messages went to {@code recipient}. */
  long count(String recipient) {
    return received.stream().filter(recipient::equals).count();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread session = new Thread(() -> serve(socket), "stalling-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = socket.getOutputStream();
      reply(out, "220 stalling-smtp ready");
      String recipient = null;
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 stalling-smtp");
        } else if (command.startsWith("RCPT TO:")) {
          recipient = address(line.substring(8));
          reply(out, "250 OK");
        } else if (command.startsWith("DATA")) {
          reply(out, "354 go on");
          readMessage(in);
          received.add(recipient);
          int number = received.size();
          if (stallFrom > 0 && number >= stallFrom) {
            hold();
            return;
          }
          reply(out, "250 OK queued");
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 OK");
        }
      }
    } catch (IOException e) {
      // the sender went away (killed)
    }
  }

  private static void readMessage(BufferedReader in) throws IOException {
    String line;
    while ((line = in.readLine()) != null && !line.equals(".")) {
      // the body is not needed, only that it arrived whole
    }
  }

  /** Never answers: the sender waits until it is killed or this server closes. */
  private void hold() {
    try {
      while (!listener.isClosed()) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String address(String text) {
    String trimmed = text.trim();
    int lt = trimmed.indexOf('<');
    int gt = trimmed.indexOf('>');
    return lt >= 0 && gt > lt ? trimmed.substring(lt + 1, gt) : trimmed;
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }
}
