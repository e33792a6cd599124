package dev.portcullis.impl.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class HttpErrorMessagesTest {

  @Test
  void keyWhenAnyErrorStatusThenAKeyOfTheBundle() {
    ResourceBundle bundle = ResourceBundle.getBundle("dev.portcullis.impl.messages.messages");
    for (int status = 400; status < 600; status++) {
      assertThat(bundle.containsKey(HttpErrorMessages.key(status))).as("%d", status).isTrue();
    }
  }

  @Test
  void keyWhenStatusesJaxRsAnswersAloneThenTheirOwnTexts() {
    assertThat(HttpErrorMessages.key(404)).isEqualTo("NOT_FOUND");
    assertThat(HttpErrorMessages.key(405)).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(HttpErrorMessages.key(415)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(HttpErrorMessages.key(501)).isEqualTo("REQUEST_REFUSED");
    assertThat(TestMessages.bundle().text("METHOD_NOT_ALLOWED"))
        .isEqualTo("This address does not take this method.");
  }
}
