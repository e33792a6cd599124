package dev.portcullis.impl.webauthn;

import dev.portcullis.impl.persistence.SchemaMigrator;
import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The default {@link WebAuthnStore}: native SQL ({@link WebAuthnRepository}) over the {@code
 * portcullis} persistence unit, each write a transaction of its own that commits before the caller
 * fires its event.
 */
@ApplicationScoped
public class JpaWebAuthnStore implements WebAuthnStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;

  private WebAuthnRepository repository() {
    return new WebAuthnRepository(
        em, schema.sqlNames(), schema.vendor() == SchemaMigrator.Vendor.MYSQL);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public List<WebAuthnCredential> credentialsOf(long userId) {
    return repository().credentialsOf(userId);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<WebAuthnCredential> find(byte[] credentialId) {
    return repository().find(credentialId);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Registration register(long userId, NewCredential credential, UsedChallenge challenge) {
    return repository().register(userId, credential, challenge);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Use recordUse(
      long id,
      long expectedCount,
      AssertionOutcome.Verified verified,
      Instant now,
      UsedChallenge challenge) {
    return repository().recordUse(id, expectedCount, verified, now, challenge);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean delete(long userId, String name) {
    return repository().delete(userId, name);
  }
}
