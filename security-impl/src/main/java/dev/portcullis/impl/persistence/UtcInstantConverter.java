package dev.portcullis.impl.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Stores an {@link Instant} as a naive UTC {@code TIMESTAMP}/{@code DATETIME}, as Flask-Security's
 * {@code naive_utcnow} does, independent of the JVM's and the database session's time zone.
 * Precision is microseconds, the finest all supported databases keep, so a value reads back equal
 * to what was written.
 */
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, LocalDateTime> {

  @Override
  public LocalDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null
        ? null
        : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(LocalDateTime dateTime) {
    return dateTime == null ? null : dateTime.toInstant(ZoneOffset.UTC);
  }
}
