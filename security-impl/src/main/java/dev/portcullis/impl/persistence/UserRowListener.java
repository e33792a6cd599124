package dev.portcullis.impl.persistence;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JPA entity listener of {@link UserEntity} and {@link RoleEntity}: announces every write as a
 * {@link UserRowsChanged} event. Being on the entities, it sees the writes of every repository
 * (two-factor, unified sign-in, WebAuthn, recovery codes, roles), not only those of the user store.
 *
 * <p>The event goes through {@link CDI#current()} rather than injection: JPA providers create
 * listeners themselves, and outside a container (the command line, repository tests) there is no
 * CDI, and nobody to tell.
 */
public class UserRowListener {

  private static final Logger LOG = Logger.getLogger(UserRowListener.class.getName());

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object entity) {
    if (entity instanceof UserEntity user && user.getId() != null) {
      announce(UserRowsChanged.user(user.getId()));
    } else if (entity instanceof RoleEntity) {
      announce(UserRowsChanged.everyone());
    }
  }

  private static void announce(UserRowsChanged change) {
    CDI<Object> cdi;
    try {
      cdi = CDI.current();
    } catch (IllegalStateException noContainer) {
      return;
    }
    try {
      cdi.getBeanManager().getEvent().select(UserRowsChanged.class).fire(change);
    } catch (RuntimeException e) {
      // Rolling the write back for this would be worse: the observers hold copies that expire.
      LOG.log(Level.WARNING, "Could not announce a user change to this node's identity cache", e);
    }
  }
}
