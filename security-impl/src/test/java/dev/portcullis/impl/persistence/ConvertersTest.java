package dev.portcullis.impl.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertersTest {

  private final CommaListConverter list = new CommaListConverter();
  private final UtcInstantConverter instant = new UtcInstantConverter();

  @Test
  void commaListWhenEmptyThenNullAndBackToEmpty() {
    assertThat(list.convertToDatabaseColumn(List.of())).isNull();
    assertThat(list.convertToEntityAttribute(null)).isEmpty();
    assertThat(list.convertToEntityAttribute("")).isEmpty();
  }

  @Test
  void commaListWhenValuesThenJoinedLikeFlaskAsaList() {
    assertThat(list.convertToDatabaseColumn(List.of("a", "b"))).isEqualTo("a,b");
    assertThat(list.convertToEntityAttribute("a,b")).containsExactly("a", "b");
  }

  @Test
  void utcInstantWhenNanosThenNaiveUtcMicros() {
    Instant value = Instant.parse("2024-05-01T10:15:30.123456789Z");
    LocalDateTime column = instant.convertToDatabaseColumn(value);
    assertThat(column).isEqualTo(LocalDateTime.parse("2024-05-01T10:15:30.123456"));
    assertThat(instant.convertToEntityAttribute(column))
        .isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
    assertThat(instant.convertToDatabaseColumn(null)).isNull();
  }

  @Test
  void uniquifierWhenGeneratedThenLikeUuid4Hex() {
    assertThat(Uniquifiers.next()).matches("[0-9a-f]{32}").isNotEqualTo(Uniquifiers.next());
  }
}
