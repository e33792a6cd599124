package dev.portcullis.impl.throttle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which answers the 429 filter looks at: only those a refused check gives (ThrottleIT shows the 429
 * itself on every endpoint).
 */
class ThrottledAnswersTest {

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 302, 303, 307})
  void refusedCheckAnswerWhenBadRequestUnauthorizedOrRedirectThenLookedAt(int status) {
    assertTrue(ThrottledAnswers.mayCarryRefusal(status));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204, 403, 404, 429, 500})
  void answerWhenAnyOtherStatusThenLeftAloneWithoutReadingTheRequest(int status) {
    assertFalse(ThrottledAnswers.mayCarryRefusal(status));
  }
}
