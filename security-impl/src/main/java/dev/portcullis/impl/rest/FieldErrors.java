package dev.portcullis.impl.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects form errors by field, in the order they were found ({@code ""} = form-level). */
public final class FieldErrors {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  /** Adds a message to a field. */
  public FieldErrors add(String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    return this;
  }

  /** Whether any error was added. */
  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** An immutable copy. */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    errors.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
