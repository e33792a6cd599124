package dev.portcullis.impl.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LibertySubjectKeyTest {

  @Test
  void keyWhenSameCallerIdAndGroupsInAnyOrderThenSame() {
    Set<String> groups = new LinkedHashSet<>(List.of("user", "admin"));
    Set<String> reversed = new LinkedHashSet<>(List.of("admin", "user"));

    assertThat(LibertySubjectKey.key("a@example.com", 7, groups))
        .isEqualTo(LibertySubjectKey.key("a@example.com", 7, reversed))
        .startsWith("portcullis:")
        .doesNotContain("a@example.com");
  }

  @Test
  void keyWhenCallerIdOrAnyGroupDiffersThenDifferent() {
    String key = LibertySubjectKey.key("a@example.com", 7, Set.of("user"));

    assertThat(LibertySubjectKey.key("b@example.com", 7, Set.of("user"))).isNotEqualTo(key);
    assertThat(LibertySubjectKey.key("a@example.com", 8, Set.of("user"))).isNotEqualTo(key);
    assertThat(LibertySubjectKey.key("a@example.com", 7, Set.of("user", "admin")))
        .isNotEqualTo(key);
    assertThat(LibertySubjectKey.key("a@example.com", 7, Set.of())).isNotEqualTo(key);
  }

  /** Without the length prefixes, "ab"+"c" and "a"+"bc" would hash the same text. */
  @Test
  void keyWhenFieldsShiftBetweenCallerAndGroupsThenDifferent() {
    assertThat(LibertySubjectKey.key("x", 1, Set.of("ab", "c")))
        .isNotEqualTo(LibertySubjectKey.key("x", 1, Set.of("a", "bc")));
  }
}
