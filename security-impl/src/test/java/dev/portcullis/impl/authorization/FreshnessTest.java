package dev.portcullis.impl.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.FreshnessAnchor;
import dev.portcullis.impl.authentication.SessionKeys;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshnessTest {

  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Duration WITHIN = Duration.ofMinutes(5);
  static final Duration GRACE = Duration.ofMinutes(1);

  @Test
  void isFreshWhenAnchorOfSameUserAndRecentThenFreshAndGraceSlides() {
    HttpSession session = session(new FreshnessAnchor("victim", NOW.getEpochSecond() - 60, 0));
    assertThat(Freshness.isFresh(Mechanism.SESSION, "victim", session, WITHIN, GRACE, CLOCK))
        .isTrue();
    FreshnessAnchor slid = (FreshnessAnchor) session.getAttribute(SessionKeys.FRESHNESS);
    assertThat(slid.graceUntil()).isEqualTo(NOW.getEpochSecond() + 60);
  }

  @Test
  void isFreshWhenAnchorBelongsToAnotherUserThenNotFreshAndNothingWritten() {
    FreshnessAnchor attackers = new FreshnessAnchor("attacker", NOW.getEpochSecond(), 0);
    HttpSession session = session(attackers);
    assertThat(Freshness.isFresh(Mechanism.SESSION, "victim", session, WITHIN, GRACE, CLOCK))
        .isFalse();
    assertThat(session.getAttribute(SessionKeys.FRESHNESS)).isEqualTo(attackers);
  }

  @Test
  void isFreshWhenGraceOfAnotherUserThenNotFresh() {
    HttpSession session = session(new FreshnessAnchor("attacker", 0, NOW.getEpochSecond() + 3600));
    assertThat(Freshness.isFresh(Mechanism.SESSION, "victim", session, WITHIN, GRACE, CLOCK))
        .isFalse();
  }

  @Test
  void isFreshWhenTokenRequestThenSessionIgnored() {
    HttpSession session = session(new FreshnessAnchor("victim", NOW.getEpochSecond(), 0));
    assertThat(Freshness.isFresh(Mechanism.TOKEN, "victim", session, WITHIN, GRACE, CLOCK))
        .isFalse();
  }

  @Test
  void isFreshWhenBasicThenFreshLikeFlask() {
    assertThat(Freshness.isFresh(Mechanism.BASIC, "victim", null, WITHIN, GRACE, CLOCK)).isTrue();
  }

  @Test
  void isFreshWhenAnchorTooOldThenNotFresh() {
    HttpSession session =
        session(new FreshnessAnchor("victim", NOW.getEpochSecond() - WITHIN.toSeconds(), 0));
    assertThat(Freshness.isFresh(Mechanism.SESSION, "victim", session, WITHIN, GRACE, CLOCK))
        .isFalse();
  }

  private static HttpSession session(FreshnessAnchor anchor) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(SessionKeys.FRESHNESS, anchor);
    return (HttpSession)
        Proxy.newProxyInstance(
            FreshnessTest.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> null;
                });
  }
}
