package dev.portcullis.sample.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port; the server under test sends to it
 * through its own Jakarta Mail. Started before the deployment, so its port can go into the
 * deployment's configuration.
 */
public final class MailTrap {

  private final int port;
  private GreenMail greenMail;

  private MailTrap(int port) {
    this.port = port;
  }

  /** Starts a trap on a free port. */
  public static MailTrap start() {
    MailTrap trap = new MailTrap(freePort());
    trap.resume();
    return trap;
  }

  public int port() {
    return port;
  }

  /** Simulates an SMTP outage. */
  public void stop() {
    greenMail.stop();
  }

  /** Ends an outage: a new, empty server on the same port. */
  public void resume() {
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  /** Every message received so far for {@code recipient}. */
  public List<? extends Message> messagesFor(String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> recipients(m).contains(recipient.toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  /** Waits for the {@code n}-th message to {@code recipient} and returns its whole source. */
  public String awaitMessage(String recipient, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<? extends Message> messages = messagesFor(recipient);
      if (messages.size() >= n) {
        return GreenMailUtil.getWholeMessage(messages.get(n - 1));
      }
      sleep(100);
    }
    throw new AssertionError("No message #" + n + " for " + recipient + " within " + timeout);
  }

  /** A received mail, decoded: subject and the text and HTML bodies ({@code null} if absent). */
  public record Mail(String subject, String text, String html) {}

  /** Waits for the {@code n}-th message to {@code recipient} and decodes it. */
  public Mail awaitMail(String recipient, int n, Duration timeout) {
    awaitMessage(recipient, n, timeout);
    Message message = messagesFor(recipient).get(n - 1);
    try {
      String[] bodies = new String[2];
      collect(message, bodies);
      return new Mail(message.getSubject(), bodies[0], bodies[1]);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Cannot decode the mail to " + recipient, e);
    }
  }

  /** Puts the text/plain body into {@code bodies[0]}, the text/html one into {@code bodies[1]}. */
  private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), bodies);
      }
    } else if (part.isMimeType("text/plain")) {
      bodies[0] = (String) part.getContent();
    } else if (part.isMimeType("text/html")) {
      bodies[1] = (String) part.getContent();
    }
  }

  /** The first link in a mail source whose path contains {@code pathPart}. */
  public static String link(String source, String pathPart) {
    String flat = source.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    Matcher matcher =
        Pattern.compile("https?://[^\\s\"'<>]*" + Pattern.quote(pathPart) + "[^\\s\"'<>]*")
            .matcher(flat);
    if (!matcher.find()) {
      throw new AssertionError("No link containing " + pathPart + " in:\n" + flat);
    }
    return matcher.group();
  }

  private static String recipients(Message message) {
    try {
      return Arrays.toString(message.getAllRecipients()).toLowerCase(java.util.Locale.ROOT);
    } catch (MessagingException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
