package dev.portcullis.test;

import java.time.Clock;

/** The user store contract on {@link InMemoryUserStore}. */
class InMemoryUserStoreContractTest extends AbstractUserStoreContractTest {

  @Override
  protected Stores emptyStores(Clock clock) {
    InMemoryRoleStore roles = new InMemoryRoleStore();
    return new Stores(new InMemoryUserStore(roles, clock), roles);
  }
}
