package dev.portcullis.impl.rest;

import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.messages.Messages;
import java.util.Map;

/** {@link Messages} over the real bundle, for unit tests in other packages. */
public final class TestMessages {

  private TestMessages() {}

  /** The bundle's texts, no overrides. */
  public static Messages bundle() {
    return new Messages(new MapConfig(Map.of()));
  }
}
