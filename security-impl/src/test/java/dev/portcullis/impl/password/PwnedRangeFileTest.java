package dev.portcullis.impl.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PwnedRangeFileTest {

  @TempDir Path dir;

  @Test
  void lookupWhenSortedFileThenEveryListedHashFoundAndOthersZero() throws IOException {
    for (String newline : new String[] {"\n", "\r\n"}) {
      TreeMap<String, Long> hashes = randomHashes(1_000, new Random(newline.length()));
      Path file = write(hashes, newline);
      PwnedRangeFile source = new PwnedRangeFile(file);

      hashes.forEach(
          (hash, count) -> assertThat(source.lookup(hash)).isEqualTo(new BreachLookup.Seen(count)));
      assertThat(source.lookup("0".repeat(40))).isEqualTo(new BreachLookup.Seen(0));
      assertThat(source.lookup("F".repeat(40))).isEqualTo(new BreachLookup.Seen(0));
      assertThat(source.lookup(between(hashes))).isEqualTo(new BreachLookup.Seen(0));
    }
  }

  @Test
  void lookupWhenSortedFileHasOneLineThenFound() throws IOException {
    Path file = dir.resolve("one.txt");
    Files.writeString(file, "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:3");

    PwnedRangeFile source = new PwnedRangeFile(file);

    assertThat(source.lookup("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8"))
        .isEqualTo(new BreachLookup.Seen(3));
    assertThat(source.lookup("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD9"))
        .isEqualTo(new BreachLookup.Seen(0));
  }

  @Test
  void lookupWhenEmptyFileThenZero() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.txt"));

    assertThat(new PwnedRangeFile(file).lookup("0".repeat(40))).isEqualTo(new BreachLookup.Seen(0));
  }

  @Test
  void lookupWhenFileVanishedThenUnavailable() {
    assertThat(new PwnedRangeFile(dir.resolve("gone.txt")).lookup("0".repeat(40)))
        .isInstanceOf(BreachLookup.Unavailable.class);
  }

  @Test
  void lookupWhenGarbageLineThenUnavailable() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "not a hash line\n");

    assertThat(new PwnedRangeFile(file).lookup("0".repeat(40)))
        .isInstanceOf(BreachLookup.Unavailable.class);
  }

  private Path write(TreeMap<String, Long> hashes, String newline) throws IOException {
    StringBuilder text = new StringBuilder();
    hashes.forEach((hash, count) -> text.append(hash).append(':').append(count).append(newline));
    Path file = dir.resolve("sorted" + newline.length() + ".txt");
    Files.writeString(file, text);
    return file;
  }

  private static TreeMap<String, Long> randomHashes(int n, Random random) {
    TreeMap<String, Long> hashes = new TreeMap<>();
    HexFormat hex = HexFormat.of().withUpperCase();
    while (hashes.size() < n) {
      byte[] bytes = new byte[20];
      random.nextBytes(bytes);
      hashes.put(hex.formatHex(bytes), 1L + random.nextInt(1_000_000));
    }
    return hashes;
  }

  /** A hash that sorts between two listed ones but is not listed. */
  private static String between(TreeMap<String, Long> hashes) {
    String first = hashes.firstKey();
    String candidate = first.substring(0, 39) + (first.charAt(39) == 'F' ? 'E' : 'F');
    return hashes.containsKey(candidate) ? hashes.higherKey(first) + "0" : candidate;
  }
}
