package dev.portcullis.test;

import dev.portcullis.spi.RoleStore;

/** The role store contract on {@link InMemoryRoleStore}. */
class InMemoryRoleStoreContractTest extends AbstractRoleStoreContractTest {

  @Override
  protected RoleStore emptyRoleStore() {
    return new InMemoryRoleStore();
  }
}
