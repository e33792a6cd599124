package dev.portcullis.cli;

import dev.portcullis.impl.authentication.EmailNormalizer;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.spi.UsernamePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code users create} (Flask-Security {@code cli.users_create}): every value is validated — email
 * syntax and uniqueness, username mapper and uniqueness, roles, password policy — before the user
 * is written, in one transaction, so a bad argument never leaves a half-made user.
 */
final class UserCreation {

  /** What the command line asked for, attribute values as typed. */
  record Request(
      String email,
      String username,
      String password,
      boolean active,
      boolean confirmed,
      Set<String> roles) {

    @Override
    public String toString() {
      return "Request[email=" + email + ", username=" + username + ", roles=" + roles + "]";
    }
  }

  private final CliContext context;

  UserCreation(CliContext context) {
    this.context = context;
  }

  /**
   * Creates the user.
   *
   * @throws CliFailure listing every problem, when any value is refused (nothing is written)
   */
  UserRecord create(Request request) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Optional<String> email = email(request.email(), errors);
    Optional<String> username = username(request.username(), errors);
    checkRoles(request.roles(), errors);
    Set<String> inputs = new HashSet<>();
    email.ifPresent(inputs::add);
    username.ifPresent(inputs::add);
    List<String> password = NewPassword.problems(context, request.password(), true, inputs);
    if (!password.isEmpty()) {
      errors.put("password", password);
    }
    if (!errors.isEmpty()) {
      throw new CliFailure(describe(errors));
    }
    Instant confirmedAt = request.confirmed() ? context.clock().instant() : null;
    NewUser user =
        new NewUser(
            email.orElseThrow(),
            username.orElse(null),
            context.hasher().hash(request.password()),
            request.active(),
            confirmedAt,
            request.roles());
    return context
        .users()
        .create(user)
        .orElseThrow(
            () ->
                new CliFailure(
                    "User not created: its email, username or a role changed meanwhile (another"
                        + " process?); nothing was written."));
  }

  private Optional<String> email(String raw, Map<String, List<String>> errors) {
    Optional<String> email = EmailNormalizer.normalize(raw);
    if (email.isEmpty()) {
      errors.put("email", List.of("'" + raw + "' is not a valid email address."));
    } else if (taken(IdentityAttribute.EMAIL, email.get())) {
      errors.put("email", List.of(email.get() + " is already associated with an account."));
    }
    return email;
  }

  private Optional<String> username(String raw, Map<String, List<String>> errors) {
    if (raw == null) {
      return Optional.empty();
    }
    UsernamePolicy.Result result = context.usernames().validate(raw);
    if (result instanceof UsernamePolicy.Result.Invalid invalid) {
      errors.put("username", invalid.messages());
      return Optional.empty();
    }
    Optional<String> username = Optional.of(((UsernamePolicy.Result.Valid) result).normalized());
    if (taken(IdentityAttribute.USERNAME, username.get())) {
      errors.put(
          "username",
          List.of("The username " + username.get() + " is already associated with an account."));
    }
    return username;
  }

  private void checkRoles(Set<String> roles, Map<String, List<String>> errors) {
    List<String> unknown = new ArrayList<>();
    for (String role : roles) {
      if (context.roles().find(role).isEmpty()) {
        unknown.add("No role '" + role + "' (create it first: roles create " + role + ").");
      }
    }
    if (!unknown.isEmpty()) {
      errors.put("role", unknown);
    }
  }

  private boolean taken(IdentityAttribute attribute, String value) {
    return context.users().findByIdentity(attribute, value, true).isPresent();
  }

  private static String describe(Map<String, List<String>> errors) {
    StringBuilder text = new StringBuilder("User not created; nothing was written:");
    errors.forEach(
        (field, messages) ->
            messages.forEach(m -> text.append("\n  ").append(field).append(": ").append(m)));
    return text.toString();
  }
}
