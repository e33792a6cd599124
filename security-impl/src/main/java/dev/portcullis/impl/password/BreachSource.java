package dev.portcullis.impl.password;

/**
 * Where breach counts come from: the k-anonymity range API ({@link PwnedRangeClient}) or a local
 * copy of its data ({@link PwnedRangeFile}).
 */
interface BreachSource {

  /**
   * @param sha1Hex the SHA-1 of the password's UTF-8 bytes, 40 upper-case hex digits
   * @return the count, or {@link BreachLookup.Unavailable} when the source cannot answer
   */
  BreachLookup lookup(String sha1Hex);
}
