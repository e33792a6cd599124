package dev.portcullis.sample;

import dev.portcullis.Security;
import dev.portcullis.spi.IdentityAttribute;
import dev.portcullis.spi.NewUser;
import dev.portcullis.spi.RoleStore;
import dev.portcullis.spi.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the demo roles and users when they are absent: roles {@code admin} ({@code admin-read},
 * {@code admin-write}) and {@code user} ({@code user-read}); users {@code admin@example.com} and
 * {@code user@example.com}, confirmed, with the password of {@code sample.password}.
 */
@ApplicationScoped
public class SampleData {

  private static final Logger LOG = Logger.getLogger(SampleData.class.getName());

  @Inject UserStore users;
  @Inject RoleStore roles;
  @Inject Security security;

  @Inject
  @ConfigProperty(name = "sample.password", defaultValue = "Password123!")
  String password;

  /** Seeds the demo data when the web application starts. */
  @WebListener
  public static class OnStart implements ServletContextListener {

    @Inject SampleData data;

    @Override
    public void contextInitialized(ServletContextEvent event) {
      data.seed();
    }
  }

  void seed() {
    roles.findOrCreate("admin", "Administrators", Set.of("admin-read", "admin-write"));
    roles.findOrCreate("user", "Users", Set.of("user-read"));
    createIfAbsent("admin@example.com", "admin", "admin");
    createIfAbsent("user@example.com", "user", "user");
  }

  private void createIfAbsent(String email, String username, String role) {
    if (users.findByIdentity(IdentityAttribute.EMAIL, email, true).isPresent()) {
      return;
    }
    users.create(
        new NewUser(
            email, username, security.hashPassword(password), true, Instant.now(), Set.of(role)));
    LOG.info(() -> "Sample user " + email + " created");
  }
}
