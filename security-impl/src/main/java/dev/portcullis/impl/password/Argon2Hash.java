package dev.portcullis.impl.password;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The fields of an argon2 PHC string as passlib writes it ({@code passlib/handlers/argon2.py}):
 * {@code $argon2<type>$v=<version>$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<tag>}. A missing {@code
 * v=} means version 16 (0x10). The {@code keyid}/{@code data} parameters are not supported: such
 * hashes do not parse.
 */
record Argon2Hash(
    int type, int version, int memoryKib, int timeCost, int parallelism, byte[] salt, byte[] tag) {

  private static final Pattern FORMAT =
      Pattern.compile(
          "^\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");

  /** Parses {@code text}; {@code null} if it is not a well-formed argon2 hash. */
  static Argon2Hash parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return null;
    }
    int version = m.group(2) == null ? 0x10 : HashFormats.parsePositive(m.group(2));
    int memory = HashFormats.parsePositive(m.group(3));
    int time = HashFormats.parsePositive(m.group(4));
    int lanes = HashFormats.parsePositive(m.group(5));
    if ((version != 0x10 && version != 0x13) || time < 1 || lanes < 1 || memory < 8 * lanes) {
      return null;
    }
    try {
      byte[] salt = HashFormats.phcDecode(m.group(6));
      byte[] tag = HashFormats.phcDecode(m.group(7));
      if (salt.length < 8 || tag.length < 4) {
        return null;
      }
      return new Argon2Hash(type(m.group(1)), version, memory, time, lanes, salt, tag);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The same parameters with another tag. */
  Argon2Hash withTag(byte[] newTag) {
    return new Argon2Hash(type, version, memoryKib, timeCost, parallelism, salt, newTag);
  }

  /** The PHC string. */
  String format() {
    return "$argon2"
        + typeName()
        + "$v="
        + version
        + "$m="
        + memoryKib
        + ",t="
        + timeCost
        + ",p="
        + parallelism
        + "$"
        + HashFormats.phcEncode(salt)
        + "$"
        + HashFormats.phcEncode(tag);
  }

  private static int type(String name) {
    switch (name) {
      case "id":
        return Argon2Parameters.ARGON2_id;
      case "i":
        return Argon2Parameters.ARGON2_i;
      default:
        return Argon2Parameters.ARGON2_d;
    }
  }

  private String typeName() {
    if (type == Argon2Parameters.ARGON2_id) {
      return "id";
    }
    return type == Argon2Parameters.ARGON2_i ? "i" : "d";
  }
}
