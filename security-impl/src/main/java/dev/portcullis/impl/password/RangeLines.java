package dev.portcullis.impl.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;

/**
 * Reads a range answer of the Pwned Passwords API: one {@code SUFFIX:COUNT} line per hash whose
 * first five hex digits are the requested prefix ({@code SUFFIX} = the other 35 digits). Padding
 * lines ({@code Add-Padding: true}) have count 0 and so never match a real breach.
 */
final class RangeLines {

  private RangeLines() {}

  /**
   * @param suffix the 35 hex digits after the prefix, upper case
   * @return the count on the line of {@code suffix}, 0 when absent
   * @throws IOException when reading fails or a count is not a number
   */
  static long count(Reader range, String suffix) throws IOException {
    BufferedReader lines = new BufferedReader(range);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toUpperCase(Locale.ROOT).equals(suffix)) {
        return parseCount(line.substring(colon + 1));
      }
    }
    return 0;
  }

  static long parseCount(String text) throws IOException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IOException("not a breach count: " + text.trim(), e);
    }
  }
}
