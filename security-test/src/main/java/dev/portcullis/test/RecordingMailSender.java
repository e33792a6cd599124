package dev.portcullis.test;

import dev.portcullis.spi.Delivery;
import dev.portcullis.spi.MailMessage;
import dev.portcullis.spi.MailSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link MailSender} that keeps every message instead of sending it, so a test can read the mail
 * a user would get and follow its link. It can be told to fail, to test what happens while the mail
 * system is down.
 *
 * <pre>{@code
 * RecordingMailSender mail = new RecordingMailSender();
 * // ... the code under test asks for a password reset for ann@example.com ...
 * String token = mail.extractFromLastTo("ann@example.com", Pattern.compile("/reset/([\\w.-]+)")).orElseThrow();
 * }</pre>
 *
 * <p>Thread-safe (Portcullis delivers mail on a worker thread).
 */
public final class RecordingMailSender implements MailSender {

  /** An absolute http(s) link in a text or HTML body. */
  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

  private final List<MailMessage> delivered = new ArrayList<>();
  private final List<MailMessage> refused = new ArrayList<>();
  private String failureReason;
  private int failuresLeft;

  /** A sender that delivers (records) every message. */
  public RecordingMailSender() {}

  /**
   * Records {@code message} as delivered and answers {@link Delivery#SENT}, or, while told to fail,
   * records it as refused and answers {@link Delivery.Failed}.
   */
  @Override
  public synchronized Delivery send(MailMessage message) {
    Objects.requireNonNull(message, "message");
    if (failuresLeft > 0) {
      failuresLeft--;
      refused.add(message);
      return Delivery.failed(failureReason);
    }
    delivered.add(message);
    return Delivery.SENT;
  }

  // --- failing on purpose ---

  /** Fails every delivery with {@code reason} until {@link #deliverNormally()}. */
  public synchronized void failWith(String reason) {
    failNext(Integer.MAX_VALUE, reason);
  }

  /** Fails the next {@code count} deliveries with {@code reason}, then delivers again. */
  public synchronized void failNext(int count, String reason) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    failuresLeft = count;
    failureReason = Objects.requireNonNull(reason, "reason");
  }

  /** Stops failing. */
  public synchronized void deliverNormally() {
    failuresLeft = 0;
  }

  // --- reading what was sent ---

  /** Every delivered message, oldest first. */
  public synchronized List<MailMessage> messages() {
    return List.copyOf(delivered);
  }

  /** Every message refused while failing on purpose, oldest first. */
  public synchronized List<MailMessage> refused() {
    return List.copyOf(refused);
  }

  /** The delivered messages to {@code address} (compared case-insensitively), oldest first. */
  public synchronized List<MailMessage> messagesTo(String address) {
    return delivered.stream().filter(m -> sameAddress(m.to(), address)).toList();
  }

  /** The latest delivered message to {@code address}, if any. */
  public synchronized Optional<MailMessage> lastTo(String address) {
    List<MailMessage> to = messagesTo(address);
    return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
  }

  /**
   * The first match of {@code pattern} in the latest message to {@code address}: its group 1 if the
   * pattern has a group, else the whole match. Empty when there is no such message or no match.
   */
  public Optional<String> extractFromLastTo(String address, Pattern pattern) {
    return lastTo(address).flatMap(m -> extract(m, pattern));
  }

  /** Forgets every message, delivered and refused. */
  public synchronized void clear() {
    delivered.clear();
    refused.clear();
  }

  /**
   * The first match of {@code pattern} in the message's text body, else in its HTML body (with
   * {@code &amp;} decoded): group 1 if the pattern has a group, else the whole match.
   */
  public static Optional<String> extract(MailMessage message, Pattern pattern) {
    for (String body : bodies(message)) {
      Matcher matcher = pattern.matcher(body);
      if (matcher.find()) {
        return Optional.of(matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group());
      }
    }
    return Optional.empty();
  }

  /**
   * The absolute http(s) links of the message's text body, else of its HTML body (with {@code
   * &amp;} decoded), in order of appearance and without duplicates; punctuation that ends a
   * sentence after a link is not part of it.
   */
  public static List<String> links(MailMessage message) {
    for (String body : bodies(message)) {
      List<String> links =
          LINK.matcher(body)
              .results()
              .map(MatchResult::group)
              .map(RecordingMailSender::withoutTrailingPunctuation)
              .distinct()
              .toList();
      if (!links.isEmpty()) {
        return links;
      }
    }
    return List.of();
  }

  /** Prose around a link ends it with ".", ",", ")"...: those belong to the sentence. */
  private static String withoutTrailingPunctuation(String link) {
    int end = link.length();
    while (end > 0 && ".,;:!?)]}".indexOf(link.charAt(end - 1)) >= 0) {
      end--;
    }
    return link.substring(0, end);
  }

  private static List<String> bodies(MailMessage message) {
    List<String> bodies = new ArrayList<>();
    if (message.textBody() != null) {
      bodies.add(message.textBody());
    }
    if (message.htmlBody() != null) {
      bodies.add(message.htmlBody().replace("&amp;", "&"));
    }
    return bodies;
  }

  private static boolean sameAddress(String a, String b) {
    return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
