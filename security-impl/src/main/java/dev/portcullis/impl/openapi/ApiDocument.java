package dev.portcullis.impl.openapi;

import dev.portcullis.impl.json.Jsons;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The description of the JSON API as written: {@value #RESOURCE} in this jar, an OpenAPI 3.0
 * document maintained by hand beside the resources it describes. Not {@code META-INF/openapi.json}:
 * that name is the application's own static document, and Payara reads only the first one it finds
 * (and fails on one inside a jar).
 */
final class ApiDocument {

  static final String RESOURCE = "portcullis-openapi.json";

  private ApiDocument() {}

  /** The document, read afresh (the server asks once per application). */
  static JsonObject read() {
    try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Portcullis jar");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
          var json = Jsons.reader(reader)) {
        return json.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
