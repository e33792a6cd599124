package dev.portcullis.impl.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenDataHashTest {

  // Made by passlib 1.7.4: CryptContext(schemes=["sha256_crypt",
  // "hex_md5"]).hash("ann@example.com")
  static final String PASSLIB_SHA256_CRYPT =
      "$5$rounds=535000$g6l0DN6/UTvvo8sr$83X6AwBMEv7fl8MdvrSKwdIMq1MUFA3MGFwCmcGoi/6";
  static final String PASSLIB_HEX_MD5 = "257c57037d384ae37ea27a07e8a01665";

  final TokenDataHash hashes = new TokenDataHash(new SecureRandom());

  @Test
  void verifyWhenPasslibSha256CryptThenMatchesOnlyTheSameData() {
    assertThat(hashes.verify("ann@example.com", PASSLIB_SHA256_CRYPT)).isTrue();
    assertThat(hashes.verify("bob@example.com", PASSLIB_SHA256_CRYPT)).isFalse();
  }

  @Test
  void verifyWhenLegacyHexMd5ThenAccepted() {
    assertThat(hashes.verify("ann@example.com", PASSLIB_HEX_MD5)).isTrue();
    assertThat(hashes.verify("bob@example.com", PASSLIB_HEX_MD5)).isFalse();
  }

  @Test
  void hashWhenCreatedThenPasslibFormatThatVerifies() {
    String hash = hashes.hash("ann@example.com");
    assertThat(hash).matches("\\$5\\$rounds=535000\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{43}");
    assertThat(hashes.verify("ann@example.com", hash)).isTrue();
    assertThat(hashes.hash("ann@example.com")).isNotEqualTo(hash);
  }

  @Test
  void verifyWhenGarbageThenFalseWithoutException() {
    assertThat(hashes.verify("x", "$5$rounds=abc$$$")).isFalse();
    assertThat(hashes.verify("x", "")).isFalse();
    assertThat(hashes.verify("x", null)).isFalse();
    assertThat(hashes.verify(null, PASSLIB_HEX_MD5)).isFalse();
    assertThat(hashes.verify("x", "$5$" + "a".repeat(500))).isFalse();
  }
}
