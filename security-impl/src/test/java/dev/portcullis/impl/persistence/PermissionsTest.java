package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {

  @Test
  void normalizeWhenMessyThenStrippedSplitDeduplicatedSorted() {
    assertThat(Permissions.normalize(Arrays.asList(" b ", "a, c", "", "  ", null, "a", "c,")))
        .containsExactly("a", "b", "c");
  }

  @Test
  void normalizeWhenNullThenEmpty() {
    assertThat(Permissions.normalize(null)).isEmpty();
  }

  @Test
  void unionAndDifferenceWhenOverlappingThenNormalized() {
    assertThat(Permissions.union(List.of("b", "a"), Set.of(" c ", "a")))
        .containsExactly("a", "b", "c");
    assertThat(Permissions.difference(List.of("a", "b", "c"), Set.of("b, x")))
        .containsExactly("a", "c");
  }
}
