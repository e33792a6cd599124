package dev.portcullis.web.layout;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The errors of a form page, shown next to their fields ({@code <field>-errors}) and, for those not
 * about one field, above the form ({@code form-errors}); and the CSRF check of the stateless pages
 * ({@link FormCsrf}).
 */
public abstract class FormPage {

  @Inject FormCsrf formCsrf;

  private Map<String, List<String>> errors = Map.of();

  /** Shows a service's field errors on the page re-rendered by the action. */
  protected void show(Map<String, List<String>> fieldErrors) {
    errors = fieldErrors;
  }

  /** The messages for one field, in order; empty when it has none. */
  public List<String> errorsFor(String field) {
    return errors.getOrDefault(field, List.of());
  }

  /** Form-level messages, and a refused CSRF token. */
  public List<String> getFormErrors() {
    return Stream.concat(formCsrf.refusal().stream(), errorsFor("").stream()).toList();
  }
}
