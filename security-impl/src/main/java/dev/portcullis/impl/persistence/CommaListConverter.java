package dev.portcullis.impl.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Flask-Security's {@code AsaList} column type: a list of strings stored as comma-joined text. An
 * empty list is stored as {@code NULL}; {@code NULL} and the empty string (which Flask writes for
 * an empty list) both read back as an empty list. Items must not contain commas; callers normalize
 * first (see {@link Permissions}).
 */
@Converter
public class CommaListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }

  @Override
  public List<String> convertToEntityAttribute(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
  }
}
