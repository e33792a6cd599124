package dev.portcullis.impl.authentication;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts salt draws: every new hash (real or dummy) draws a salt and verifying draws none, so the
 * count is time-independent evidence of how many hashes were computed.
 */
final class CountingRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private final AtomicInteger draws = new AtomicInteger();

  @Override
  public void nextBytes(byte[] bytes) {
    draws.incrementAndGet();
    super.nextBytes(bytes);
  }

  int draws() {
    return draws.get();
  }

  void reset() {
    draws.set(0);
  }
}
