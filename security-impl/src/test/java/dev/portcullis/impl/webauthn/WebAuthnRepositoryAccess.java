package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.persistence.SqlNames;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Opens {@link WebAuthnRepository} to the database tests of other packages. */
public final class WebAuthnRepositoryAccess {

  private final WebAuthnRepository repository;

  private WebAuthnRepositoryAccess(WebAuthnRepository repository) {
    this.repository = repository;
  }

  /** The repository over {@code em} with these names. */
  public static WebAuthnRepositoryAccess of(EntityManager em, SqlNames sql, boolean mysql) {
    return new WebAuthnRepositoryAccess(new WebAuthnRepository(em, sql, mysql));
  }

  public List<WebAuthnCredential> credentialsOf(long userId) {
    return repository.credentialsOf(userId);
  }

  public Optional<WebAuthnCredential> find(byte[] credentialId) {
    return repository.find(credentialId);
  }

  public WebAuthnStore.Registration register(long userId, NewCredential c, UsedChallenge used) {
    return repository.register(userId, c, used);
  }

  public WebAuthnStore.Use recordUse(
      long id, long expected, AssertionOutcome.Verified v, Instant now, UsedChallenge used) {
    return repository.recordUse(id, expected, v, now, used);
  }

  public boolean delete(long userId, String name) {
    return repository.delete(userId, name);
  }
}
