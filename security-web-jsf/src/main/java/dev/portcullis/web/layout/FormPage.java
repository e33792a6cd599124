package dev.portcullis.web.layout;

import java.util.List;
import java.util.Map;

/**
 * The errors of a form page, shown next to their fields ({@code <field>-errors}) and, for those not
 * about one field, above the form ({@code form-errors}).
 */
public abstract class FormPage {

  private Map<String, List<String>> errors = Map.of();

  /** Shows a service's field errors on the page re-rendered by the action. */
  protected void show(Map<String, List<String>> fieldErrors) {
    errors = fieldErrors;
  }

  /** The messages for one field, in order; empty when it has none. */
  public List<String> errorsFor(String field) {
    return errors.getOrDefault(field, List.of());
  }

  /** Form-level messages. */
  public List<String> getFormErrors() {
    return errorsFor("");
  }
}
