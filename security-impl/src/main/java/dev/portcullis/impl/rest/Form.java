package dev.portcullis.impl.rest;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.FormData.FieldValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared fields of one form read from request data (the part of a WTForms form that coerces
 * input): text fields and checkboxes. Values of the wrong type or absurd length become field errors
 * before any other validation; empty text counts as absent.
 */
public final class Form {

  static final int MAX_TEXT = 4096;

  private final Map<String, FieldValue<?>> values = new LinkedHashMap<>();

  private Form() {}

  /** Reads {@code textFields} and {@code checkboxes} from {@code data}, in that order. */
  public static Form read(FormData data, List<String> textFields, List<String> checkboxes) {
    Form form = new Form();
    textFields.forEach(field -> form.values.put(field, data.string(field)));
    checkboxes.forEach(field -> form.values.put(field, data.bool(field)));
    return form;
  }

  /** Errors for values of the wrong type or over {@value #MAX_TEXT} characters. */
  public FieldErrors typeErrors(Messages messages) {
    FieldErrors errors = new FieldErrors();
    values.forEach(
        (field, value) -> {
          if (value instanceof FieldValue.WrongType<?> wrong) {
            errors.add(field, messages.text(wrong.messageKey()));
          } else if (value.asOptional().orElse(null) instanceof String text
              && text.length() > MAX_TEXT) {
            errors.add(field, messages.text("FIELD_TOO_LONG"));
          }
        });
    return errors;
  }

  /** A text field's non-empty value. */
  public Optional<String> text(String field) {
    FieldValue<?> value = values.get(field);
    return value == null
        ? Optional.empty()
        : value.asOptional().map(String.class::cast).filter(s -> !s.isEmpty());
  }

  /** A checkbox's value, if sent. */
  public Optional<Boolean> checkbox(String field) {
    FieldValue<?> value = values.get(field);
    return value == null ? Optional.empty() : value.asOptional().map(Boolean.class::cast);
  }
}
