/**
 * JPA persistence: the {@code fs_user}/{@code fs_role} entities, the default {@link
 * dev.portcullis.spi.UserStore} and {@link dev.portcullis.spi.RoleStore} implementations and the
 * Flyway-managed schema ({@link dev.portcullis.impl.persistence.SchemaMigrator}).
 *
 * <p>Ports Flask-Security's {@code datastore.py} ({@code SQLAlchemyUserDatastore}) and the {@code
 * fsqla_v3} reference model. The stores are thin transactional shells over package-private
 * repositories that take an {@code EntityManager}, so the logic is tested without a container.
 */
package dev.portcullis.impl.persistence;
