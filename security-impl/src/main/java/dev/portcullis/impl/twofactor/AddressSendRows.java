package dev.portcullis.impl.twofactor;

import dev.portcullis.impl.persistence.SchemaStartup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;

/**
 * Makes an address's send-counter row in a transaction of its own (see {@link
 * TwoFactorRepository#ensureAddressRow}), so that a lost insert race rolls back only this and not
 * the send being counted.
 */
@ApplicationScoped
public class AddressSendRows {

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @Inject SchemaStartup schema;
  @Inject Clock clock;

  /** The tables must exist before the first query. */
  @PostConstruct
  void ensureSchema() {
    schema.ensureMigrated();
  }

  /** Inserts the row unless present; fails when another transaction inserted it first. */
  @Transactional(TxType.REQUIRES_NEW)
  public void ensure(String addressHash) {
    new TwoFactorRepository(em, clock).ensureAddressRow(addressHash);
  }
}
