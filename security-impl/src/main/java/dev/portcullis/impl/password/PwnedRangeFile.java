package dev.portcullis.impl.password;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Offline breach data ({@code security.password_breached_file}), for servers that must not call
 * out. Two layouts are accepted, both written by Troy Hunt's {@code haveibeenpwned-downloader}:
 *
 * <ul>
 *   <li><b>A directory</b> with one file per hash prefix, {@code <PREFIX>.txt} (5 upper-case hex
 *       digits), holding exactly what the range API answers for that prefix: {@code SUFFIX:COUNT}
 *       lines. A missing prefix file counts as "cannot answer" (a complete copy has all 16⁵), so
 *       {@code strict} fails closed and {@code best-effort} lets the password through.
 *   <li><b>A single file</b> of {@code SHA1:COUNT} lines (40 hex digits, a colon, the count; LF or
 *       CRLF), <em>sorted by hash</em> as in the "ordered by hash" download. It is binary-searched
 *       on disk, about 35 short reads for the full 40 GB list, and never loaded into memory.
 * </ul>
 */
final class PwnedRangeFile implements BreachSource {

  private final Path path;

  PwnedRangeFile(Path path) {
    this.path = path;
  }

  @Override
  public BreachLookup lookup(String sha1Hex) {
    try {
      return new BreachLookup.Seen(
          Files.isDirectory(path) ? countInPrefixFile(sha1Hex) : countInSortedFile(sha1Hex));
    } catch (NoSuchFileException e) {
      return new BreachLookup.Unavailable("no breach data file " + e.getFile());
    } catch (IOException e) {
      return new BreachLookup.Unavailable("breach data unreadable: " + e);
    }
  }

  private long countInPrefixFile(String sha1Hex) throws IOException {
    Path file = path.resolve(sha1Hex.substring(0, 5) + ".txt");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      return RangeLines.count(reader, sha1Hex.substring(5));
    }
  }

  /**
   * Binary search over byte offsets. Invariant: the line of {@code sha1Hex}, if present, starts in
   * {@code [lo, hi)}, and {@code lo} is always the start of a line.
   */
  private long countInSortedFile(String sha1Hex) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
      long lo = 0;
      long hi = file.length();
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        long start = lineStartAtOrAfter(file, lo, mid);
        String line = start < hi ? file.readLine() : null;
        if (line == null) {
          hi = mid;
          continue;
        }
        int order = compareHash(line, sha1Hex);
        if (order == 0) {
          return RangeLines.parseCount(line.substring(line.indexOf(':') + 1));
        }
        if (order < 0) {
          lo = file.getFilePointer();
        } else {
          hi = start;
        }
      }
      return 0;
    }
  }

  /** Positions {@code file} at the first line starting at or after {@code mid}. */
  private static long lineStartAtOrAfter(RandomAccessFile file, long lo, long mid)
      throws IOException {
    if (mid == lo) {
      file.seek(lo);
    } else {
      file.seek(mid - 1);
      file.readLine();
    }
    return file.getFilePointer();
  }

  private static int compareHash(String line, String sha1Hex) throws IOException {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IOException("not a SHA1:COUNT line: " + line);
    }
    return line.substring(0, colon).trim().toUpperCase(Locale.ROOT).compareTo(sha1Hex);
  }
}
