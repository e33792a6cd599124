/**
 * JPA persistence: the {@code fs_user}/{@code fs_role} entities, the default {@link
 * dev.portcullis.spi.UserStore} and {@link dev.portcullis.spi.RoleStore} implementations and the
 * Flyway-managed schema ({@link dev.portcullis.impl.persistence.SchemaMigrator}).
 *
 * <p>Ports Flask-Security's {@code datastore.py} ({@code SQLAlchemyUserDatastore}) and the {@code
 * fsqla_v3} reference model. The stores are thin transactional shells over package-private
 * repositories that take an {@code EntityManager}, so the logic is tested without a container.
 *
 * <p>The users and roles live in Portcullis' own tables or, with {@code
 * security.datastore_schema=fsqla_v3}, in a Flask-Security application's tables, adopted in place:
 * {@link dev.portcullis.impl.persistence.DatastoreNames} says which and under what names, {@link
 * dev.portcullis.impl.persistence.SchemaAdoption} completes Flask's tables on start, a JPA provider
 * adapter ({@code dev.portcullis.impl.jpa}) applies the names to the entities and {@link
 * dev.portcullis.impl.persistence.SqlNames} to the few native statements.
 */
package dev.portcullis.impl.persistence;
