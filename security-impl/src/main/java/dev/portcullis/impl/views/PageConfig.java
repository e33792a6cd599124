package dev.portcullis.impl.views;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of Portcullis' HTML pages.
 *
 * @param appName {@code security.app_name}: the application's name in page titles; empty = the
 *     WAR's display-name, if it has one
 */
public record PageConfig(Optional<String> appName) {

  /** Rejects a missing value. */
  public PageConfig {
    Objects.requireNonNull(appName, "appName");
  }
}
