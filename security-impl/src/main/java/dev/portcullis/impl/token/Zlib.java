package dev.portcullis.impl.token;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib (RFC 1950) streams via the JDK, matching Python's {@code zlib.compress} default level, with
 * a hard cap on inflated size so a signed-looking "zip bomb" cannot exhaust memory.
 */
final class Zlib {

  private Zlib() {}

  static byte[] compress(byte[] data) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Inflates one complete stream; empty if it is corrupt, truncated or inflates past maxSize. */
  static Optional<byte[]> inflate(byte[] data, int maxSize) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return Optional.empty();
        }
        if (out.size() + n > maxSize) {
          return Optional.empty();
        }
        out.write(buffer, 0, n);
      }
      return Optional.of(out.toByteArray());
    } catch (DataFormatException e) {
      return Optional.empty();
    } finally {
      inflater.end();
    }
  }
}
