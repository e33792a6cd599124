package dev.portcullis.web.layout;

import jakarta.faces.component.UIComponent;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The errors of a form page, shown next to their fields ({@code <field>-errors}) and, for those not
 * about one field, above the form ({@code form-errors}); and the CSRF check of the stateless pages
 * ({@link FormCsrf}). The {@code pc:field} and {@code pc:formErrors} tags read them from here: they
 * mark invalid fields ({@code aria-invalid}), and after a failed submit put the focus on the first
 * invalid field, or on the summary when no field is at fault.
 */
public abstract class FormPage {

  /** The focus target when the errors are not about a field: the summary above the form. */
  public static final String SUMMARY = "form-errors";

  @Inject FormCsrf formCsrf;
  @Inject PageFrame frame;
  @Inject ThrottledPages.Notice throttled;

  private Map<String, List<String>> errors = Map.of();

  /** The form's fields in the order the page shows them: the first invalid one gets the focus. */
  protected abstract List<String> fields();

  /** Fields whose errors belong to the summary, not to a field: the form itself by default. */
  protected List<String> formLevelFields() {
    return List.of("");
  }

  /**
   * Shows a service's field errors on the page re-rendered by the action; when the throttle refused
   * the action, its message instead (nothing was checked, so no field is at fault; the page is
   * answered 429 by {@link ThrottledPages}).
   */
  protected void show(Map<String, List<String>> fieldErrors) {
    Optional<String> refused = throttled.text();
    errors = refused.isPresent() ? Map.of("", List.of(refused.get())) : fieldErrors;
    if (!fieldErrors.isEmpty()) {
      frame.failed();
    }
  }

  /** The messages for one field, in order; empty when it has none. */
  public List<String> errorsFor(String field) {
    return errors.getOrDefault(field, List.of());
  }

  /** Whether the field has errors. */
  public boolean invalid(String field) {
    return !errorsFor(field).isEmpty();
  }

  /** Form-level messages, and a refused CSRF token. */
  public List<String> getFormErrors() {
    return Stream.concat(
            formCsrf.refusal().stream(),
            formLevelFields().stream().flatMap(field -> errorsFor(field).stream()))
        .toList();
  }

  /**
   * What gets the focus when the page shows: the first invalid field, else {@link #SUMMARY} when
   * there are form-level errors, else nothing ({@code null}).
   */
  public String getFocus() {
    return fields().stream()
        .filter(this::invalid)
        .findFirst()
        .orElse(getFormErrors().isEmpty() ? null : SUMMARY);
  }

  /**
   * Marks a field's input just before it renders ({@code preRenderComponent}, after the action has
   * run): {@code aria-invalid="true"} while it has errors and {@code autofocus} when it gets the
   * focus, neither attribute otherwise. Set here rather than as passthrough attributes evaluating
   * to null: Mojarra omits such an attribute but MyFaces (Open Liberty) writes it empty, and an
   * empty {@code autofocus} still focuses.
   */
  public void markField(ComponentSystemEvent event) {
    UIComponent input = event.getComponent();
    mark(input.getId(), input.getPassThroughAttributes());
  }

  /** {@link #markField}'s work on the field's passthrough attributes. */
  void mark(String field, Map<String, Object> attributes) {
    if (invalid(field)) {
      attributes.put("aria-invalid", "true");
    } else {
      attributes.remove("aria-invalid");
    }
    if (field.equals(getFocus())) {
      attributes.put("autofocus", "autofocus");
    } else {
      attributes.remove("autofocus");
    }
  }
}
