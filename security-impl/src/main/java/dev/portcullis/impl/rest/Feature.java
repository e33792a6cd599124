package dev.portcullis.impl.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The optional features (Flask-Security's feature flags, spec §2.2) and the marker for them. */
public enum Feature {
  REGISTERABLE,
  CONFIRMABLE,
  RECOVERABLE,
  CHANGEABLE,
  CHANGE_EMAIL;

  /** Marks a JAX-RS resource that exists only when its feature is enabled. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface Gated {
    /** The feature. */
    Feature value();
  }
}
