package dev.portcullis.impl.authorization;

import dev.portcullis.AnonymousRequired;
import dev.portcullis.AuthRequired;
import dev.portcullis.Mechanism;
import dev.portcullis.PermissionsAccepted;
import dev.portcullis.PermissionsRequired;
import dev.portcullis.RolesAccepted;
import dev.portcullis.RolesRequired;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a method's Portcullis annotations demand, read once per method. A method annotation replaces
 * the same annotation on its class.
 *
 * @param authRequired whether authentication is required
 * @param mechanisms accepted mechanisms (empty = the configured API defaults)
 * @param withinMinutes freshness in minutes, negative = none
 * @param graceMinutes grace in minutes, negative = configured
 * @param rolesRequired all of these roles
 * @param rolesAccepted any of these roles (empty = no constraint)
 * @param permissionsRequired all of these permissions
 * @param permissionsAccepted any of these permissions (empty = no constraint)
 * @param anonymousRequired only for callers who are not signed in
 */
public record AccessRule(
    boolean authRequired,
    Set<Mechanism> mechanisms,
    int withinMinutes,
    int graceMinutes,
    Set<String> rolesRequired,
    Set<String> rolesAccepted,
    Set<String> permissionsRequired,
    Set<String> permissionsAccepted,
    boolean anonymousRequired) {

  /** Reads the rule of a method, or empty if it carries no Portcullis annotation. */
  public static Optional<AccessRule> of(Method method, Class<?> type) {
    Optional<AuthRequired> auth = find(AuthRequired.class, method, type);
    Optional<RolesRequired> rolesRequired = find(RolesRequired.class, method, type);
    Optional<RolesAccepted> rolesAccepted = find(RolesAccepted.class, method, type);
    Optional<PermissionsRequired> permsRequired = find(PermissionsRequired.class, method, type);
    Optional<PermissionsAccepted> permsAccepted = find(PermissionsAccepted.class, method, type);
    boolean anonymous = find(AnonymousRequired.class, method, type).isPresent();
    if (auth.isEmpty()
        && rolesRequired.isEmpty()
        && rolesAccepted.isEmpty()
        && permsRequired.isEmpty()
        && permsAccepted.isEmpty()
        && !anonymous) {
      return Optional.empty();
    }
    return Optional.of(
        new AccessRule(
            auth.isPresent(),
            auth.map(a -> mechanisms(a.mechanisms())).orElse(Set.of()),
            auth.map(AuthRequired::within).orElse(-1),
            auth.map(AuthRequired::grace).orElse(-1),
            rolesRequired.map(r -> Set.of(r.value())).orElse(Set.of()),
            rolesAccepted.map(r -> Set.of(r.value())).orElse(Set.of()),
            permsRequired.map(p -> Set.of(p.value())).orElse(Set.of()),
            permsAccepted.map(p -> Set.of(p.value())).orElse(Set.of()),
            anonymous));
  }

  private static Set<Mechanism> mechanisms(Mechanism[] mechanisms) {
    return mechanisms.length == 0
        ? Set.of()
        : Set.copyOf(EnumSet.copyOf(Arrays.asList(mechanisms)));
  }

  private static <A extends Annotation> Optional<A> find(
      Class<A> annotation, Method method, Class<?> type) {
    A onMethod = method.getAnnotation(annotation);
    if (onMethod != null) {
      return Optional.of(onMethod);
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      A onType = c.getAnnotation(annotation);
      if (onType != null) {
        return Optional.of(onType);
      }
    }
    return Optional.empty();
  }
}
