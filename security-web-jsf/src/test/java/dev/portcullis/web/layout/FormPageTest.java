package dev.portcullis.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code pc:field} marks on an input just before it renders (FormPage.markField). */
class FormPageTest {

  /** A page with three fields, shown in this order. */
  static class ThreeFields extends FormPage {
    ThreeFields(Map<String, List<String>> errors) {
      formCsrf = new FormCsrf();
      frame = new PageFrame();
      show(errors);
    }

    @Override
    protected List<String> fields() {
      return List.of("email", "password", "password_confirm");
    }
  }

  @Test
  void markWhenNoErrorsThenNeitherInvalidNorFocused() {
    assertThat(marked(new ThreeFields(Map.of()), "email"))
        .doesNotContainKeys("aria-invalid", "autofocus");
  }

  @Test
  void markWhenTwoFieldsInvalidThenBothInvalidAndOnlyTheFirstFocused() {
    ThreeFields page =
        new ThreeFields(Map.of("password_confirm", List.of("x"), "password", List.of("y")));

    assertThat(marked(page, "password"))
        .containsEntry("aria-invalid", "true")
        .containsEntry("autofocus", "autofocus");
    assertThat(marked(page, "password_confirm"))
        .containsEntry("aria-invalid", "true")
        .doesNotContainKey("autofocus");
    assertThat(marked(page, "email")).doesNotContainKeys("aria-invalid", "autofocus");
  }

  @Test
  void markWhenOnlyFormLevelErrorsThenNoFieldFocused() {
    ThreeFields page = new ThreeFields(Map.of("", List.of("Something went wrong.")));

    assertThat(page.getFocus()).isEqualTo(FormPage.SUMMARY);
    assertThat(marked(page, "email")).doesNotContainKeys("aria-invalid", "autofocus");
  }

  @Test
  void markWhenRenderedAgainWithoutErrorsThenEarlierMarksRemoved() {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("aria-invalid", "true");
    attributes.put("autofocus", "autofocus");
    attributes.put("autocomplete", "email");

    new ThreeFields(Map.of()).mark("email", attributes);

    assertThat(attributes).containsOnlyKeys("autocomplete");
  }

  private static Map<String, Object> marked(FormPage page, String field) {
    Map<String, Object> attributes = new HashMap<>();
    page.mark(field, attributes);
    return attributes;
  }
}
