package dev.portcullis.impl.authentication;

import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UserStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link UserStore} double with the look-ups and the password update, over a map. */
final class InMemoryUsers {

  private final Map<Long, UserRecord> byId = new ConcurrentHashMap<>();
  final UserStore store =
      (UserStore)
          Proxy.newProxyInstance(
              InMemoryUsers.class.getClassLoader(),
              new Class<?>[] {UserStore.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "findById" -> Optional.ofNullable(byId.get((Long) args[0]));
                    case "findByIdentity" -> find((IdentityAttribute) args[0], (String) args[1]);
                    case "setPassword" -> setPassword((Long) args[0], (String) args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  UserRecord add(
      long id,
      String email,
      String username,
      String hash,
      boolean active,
      Instant confirmedAt,
      Set<String> roles) {
    UserRecord user = user(id, email, username, hash, active, confirmedAt, roles);
    byId.put(id, user);
    return user;
  }

  UserRecord get(long id) {
    return byId.get(id);
  }

  private Optional<UserRecord> find(IdentityAttribute attribute, String value) {
    String wanted = value.toLowerCase(Locale.ROOT);
    return byId.values().stream()
        .filter(
            u -> {
              String column = attribute == IdentityAttribute.EMAIL ? u.email() : u.username();
              return column != null && column.toLowerCase(Locale.ROOT).equals(wanted);
            })
        .findFirst();
  }

  /** Deactivates or activates, as {@code UserStore.setActive} would. */
  boolean setActive(long id, boolean active) {
    UserRecord u = byId.get(id);
    byId.put(
        id, user(id, u.email(), u.username(), u.password(), active, u.confirmedAt(), u.roles()));
    return true;
  }

  private boolean setPassword(long id, String hash) {
    UserRecord u = byId.get(id);
    byId.put(id, user(id, u.email(), u.username(), hash, u.active(), u.confirmedAt(), u.roles()));
    return true;
  }

  private static UserRecord user(
      long id,
      String email,
      String username,
      String hash,
      boolean active,
      Instant confirmedAt,
      Set<String> roles) {
    return new UserRecord(
        id,
        email,
        username,
        hash,
        active,
        "uid-" + id,
        "tid-" + id,
        null,
        confirmedAt,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        roles,
        Set.of(),
        null,
        null);
  }
}
