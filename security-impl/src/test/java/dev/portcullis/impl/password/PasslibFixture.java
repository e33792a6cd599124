package dev.portcullis.impl.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of {@code password-fixtures/passlib-fixtures.tsv}, produced by Flask-Security's own
 * {@code hash_password} (see {@code generate.py} next to it).
 */
record PasslibFixture(
    String scheme,
    boolean singleHash,
    boolean defaultCost,
    String salt,
    String password,
    String hash) {

  static final String RESOURCE = "/password-fixtures/passlib-fixtures.tsv";

  static List<PasslibFixture> all() {
    List<PasslibFixture> rows = new ArrayList<>();
    try (InputStream in = PasslibFixture.class.getResourceAsStream(RESOURCE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static PasslibFixture parse(String line) {
    String[] f = line.split("\t", -1);
    return new PasslibFixture(
        f[0], "single".equals(f[1]), "default".equals(f[2]), f[3], f[4], f[5]);
  }

  /** A hasher configured like the Flask app that produced this row, hashing with its scheme. */
  PasswordHasher hasher(TestConfigs base) {
    base.passwordSalt = salt;
    base.hashScheme(scheme);
    if (singleHash) {
      base.singleHashEverything();
    }
    return base.hasher();
  }

  @Override
  public String toString() {
    return scheme
        + "/"
        + (singleHash ? "single" : "double")
        + "/"
        + (defaultCost ? "default" : "low")
        + "/"
        + password;
  }
}
