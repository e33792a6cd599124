package dev.portcullis.impl.password;

/** What a breach source knows about one password hash: how often it was seen, or nothing. */
sealed interface BreachLookup {

  /** The hash was seen {@code times} times; 0 when it is not listed. */
  record Seen(long times) implements BreachLookup {}

  /** The source could not be read; {@code reason} is for the log, never for the user. */
  record Unavailable(String reason) implements BreachLookup {}
}
