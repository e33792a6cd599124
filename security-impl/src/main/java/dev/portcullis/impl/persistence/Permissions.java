package dev.portcullis.impl.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Permission normalization, as Flask-Security's {@code RoleMixin.add_permissions}: items may be
 * comma-separated lists; each item is stripped, blanks are dropped, duplicates removed. The result
 * is sorted so the stored comma-joined text does not depend on a {@link Set}'s iteration order.
 */
final class Permissions {

  private Permissions() {}

  /** Normalizes {@code permissions} ({@code null} is empty). */
  static List<String> normalize(Collection<String> permissions) {
    TreeSet<String> result = new TreeSet<>();
    if (permissions != null) {
      for (String item : permissions) {
        addSplit(result, item);
      }
    }
    return List.copyOf(result);
  }

  /** The union of {@code current} and {@code added}, normalized. */
  static List<String> union(Collection<String> current, Collection<String> added) {
    TreeSet<String> result = new TreeSet<>(normalize(current));
    result.addAll(normalize(added));
    return List.copyOf(result);
  }

  /** {@code current} without {@code removed}, normalized. */
  static List<String> difference(Collection<String> current, Collection<String> removed) {
    TreeSet<String> result = new TreeSet<>(normalize(current));
    result.removeAll(normalize(removed));
    return List.copyOf(result);
  }

  private static void addSplit(Set<String> into, String item) {
    if (item == null) {
      return;
    }
    for (String part : item.split(",", -1)) {
      String stripped = part.strip();
      if (!stripped.isEmpty()) {
        into.add(stripped);
      }
    }
  }
}
