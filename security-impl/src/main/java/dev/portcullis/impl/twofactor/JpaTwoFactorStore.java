package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The default {@link TwoFactorStore}: JPA over the {@code portcullis} persistence unit. Each method
 * is a transaction of its own, so the user-row lock a check takes is held only as long as the check
 * (see {@link TwoFactorRepository}).
 */
@ApplicationScoped
public class JpaTwoFactorStore implements TwoFactorStore {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;
  @Inject AddressSendRows addressRows;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  private TwoFactorRepository repository() {
    return new TwoFactorRepository(em, clock, schema.sqlNames());
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean setUp(
      long userId, String method, String secret, String phoneNumber, long acceptedStep) {
    return repository().setUp(userId, method, secret, phoneNumber, acceptedStep);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean disable(long userId) {
    return repository().disable(userId);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public long lastUsedStep(long userId, String method) {
    return repository().lastUsedStep(userId, method);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public boolean useStep(long userId, String method, long step) {
    return repository().useStep(userId, method, step);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Instant> countSend(
      long userId, String addressHash, Instant now, Duration period, int limit) {
    if (addressHash != null) {
      ensureAddressRow(addressHash);
    }
    return repository().countSend(userId, addressHash, now, period, limit);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Instant> countStandInSend(
      int slot, String counter, Instant now, Duration period, int limit) {
    ensureAddressRow(counter);
    return repository().countStandInSend(slot, counter, now, period, limit);
  }

  @Override
  @Transactional(TxType.REQUIRES_NEW)
  public int forgetAddressSendsBefore(Instant before) {
    return repository().forgetAddressSendsBefore(before);
  }

  private void ensureAddressRow(String addressHash) {
    try {
      addressRows.ensure(addressHash);
    } catch (PersistenceException | TransactionalException lostRace) {
      // another user's first send to this address inserted the row a moment before: it is there
      // now, and the count locks it
    }
  }
}
