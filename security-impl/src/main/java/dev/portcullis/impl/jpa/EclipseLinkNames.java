package dev.portcullis.impl.jpa;

import dev.portcullis.impl.config.DatastoreSettings;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.persistence.MappedTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.internal.helper.DatabaseTable;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.ManyToManyMapping;
import org.eclipse.persistence.mappings.RelationTableMechanism;
import org.eclipse.persistence.sequencing.NativeSequence;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * The EclipseLink adapter of {@link DatastoreNames} (Payara, the CLI, the container-less tests):
 * when users and roles live in Flask-Security's tables, renames the entities' tables and columns
 * from Portcullis' names (what the annotations say) to the configured ones, quoted, and lets the
 * database assign their ids ({@code IDENTITY}) instead of Portcullis' table generator. For
 * Portcullis' own tables it changes nothing.
 *
 * <p>Why a customizer rather than a mapping file: the names are configuration (MicroProfile Config,
 * environment variables), read when the unit deploys, while an {@code orm.xml} is fixed in the
 * persistence unit at build time. JPA has no portable hook for this; each provider has its own, so
 * this is the only class that imports EclipseLink, registered by {@code
 * eclipselink.session.customizer} in {@code persistence.xml} (other providers ignore that
 * property). A Hibernate twin (WildFly) applies the same {@link DatastoreNames} and must do the
 * same three things: table names (a {@code PhysicalNamingStrategy} can), column names per table
 * (that strategy sees a column without its table, so renames that differ by table need Hibernate's
 * boot metadata), and database-assigned ids for users and roles.
 *
 * <p>It runs before EclipseLink initializes the descriptors, so the new names reach every statement
 * it builds. Outside a container the names come from the factory property {@link
 * DatastoreNames#JPA_PROPERTY}; in a container from the application's configuration.
 */
public class EclipseLinkNames implements SessionCustomizer {

  /**
   * One immediate retry of a query whose connection broke, instead of EclipseLink's default three
   * retries 5 s apart. Why: during a database outage every request would hold its thread for 10 s
   * or more before its 503; the server's pool validates connections, so one retry at once is enough
   * for a connection that died after it was handed out. (The only EclipseLink setting here that is
   * not about names: one customizer per unit, and one class importing EclipseLink.)
   */
  private static void failFastWhenDatabaseDown(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(1);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }

  /**
   * Entity-manager-factory properties that apply {@code names} to a resource-local unit outside a
   * container (the CLI, tests): this customizer, and the names themselves.
   */
  public static Map<String, Object> properties(DatastoreNames names) {
    return Map.of(
        "eclipselink.session.customizer",
        EclipseLinkNames.class.getName(),
        DatastoreNames.JPA_PROPERTY,
        names);
  }

  @Override
  public void customize(Session session) {
    failFastWhenDatabaseDown(session);
    DatastoreNames names =
        session.getProperty(DatastoreNames.JPA_PROPERTY) instanceof DatastoreNames given
            ? given
            : DatastoreSettings.fromEnvironment();
    if (!names.adopted()) {
      return;
    }
    // Which entity is which table, before any name changes (descriptors share table objects).
    Map<ClassDescriptor, MappedTable> entities = new LinkedHashMap<>();
    for (ClassDescriptor descriptor : session.getDescriptors().values()) {
      tableOf(descriptor).ifPresent(table -> entities.put(descriptor, table));
    }
    Renamer renamer = new Renamer(names);
    entities.forEach(
        (descriptor, table) -> {
          renamer.rename(descriptor, table);
          useDatabaseIds(session, descriptor, table);
        });
  }

  private static Optional<MappedTable> tableOf(ClassDescriptor descriptor) {
    return descriptor.getTables().isEmpty()
        ? Optional.empty()
        : MappedTable.ofPortcullisName(descriptor.getTables().get(0).getName());
  }

  /**
   * Ids from the column's own default ({@code SERIAL}/{@code IDENTITY}/{@code AUTO_INCREMENT}),
   * read back after the insert: the source Flask-Security's inserts use too.
   */
  private static void useDatabaseIds(
      Session session, ClassDescriptor descriptor, MappedTable table) {
    if (descriptor.getSequenceNumberName() == null) {
      return;
    }
    String name = "portcullis_identity_" + table.key();
    session.getLogin().addSequence(new NativeSequence(name, 1, true));
    descriptor.setSequenceNumberName(name);
  }

  /**
   * Renames each table and field object once. EclipseLink compares tables and fields by name, and
   * one name may be held by several objects (the descriptor's table, each field's table, the key
   * fields of the association), so all of them are visited.
   */
  private static final class Renamer {

    private static final String QUOTE = "\"";

    private final DatastoreNames names;
    private final Map<Object, Boolean> done = new IdentityHashMap<>();

    Renamer(DatastoreNames names) {
      this.names = names;
    }

    void rename(ClassDescriptor descriptor, MappedTable table) {
      List<DatabaseField> fields = new ArrayList<>(descriptor.getPrimaryKeyFields());
      if (descriptor.getSequenceNumberField() != null) {
        fields.add(descriptor.getSequenceNumberField());
      }
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (mapping.getField() != null) {
          fields.add(mapping.getField());
        }
        if (mapping instanceof ManyToManyMapping association) {
          renameAssociation(association.getRelationTableMechanism());
        }
      }
      fields.forEach(field -> field(field, table));
      descriptor.getTables().forEach(this::table);
    }

    private void renameAssociation(RelationTableMechanism mechanism) {
      for (DatabaseField field : mechanism.getSourceRelationKeyFields()) {
        field(field, MappedTable.ROLES_USERS);
      }
      for (DatabaseField field : mechanism.getTargetRelationKeyFields()) {
        field(field, MappedTable.ROLES_USERS);
      }
      for (DatabaseField field : mechanism.getSourceKeyFields()) {
        field(field, MappedTable.USER);
      }
      for (DatabaseField field : mechanism.getTargetKeyFields()) {
        field(field, MappedTable.ROLE);
      }
      table(mechanism.getRelationTable());
    }

    /** {@code owner}: the table the field belongs to when it names none itself. */
    private void field(DatabaseField field, MappedTable owner) {
      if (done.put(field, Boolean.TRUE) != null) {
        return;
      }
      MappedTable table =
          field.hasTableName()
              ? MappedTable.ofPortcullisName(field.getTable().getName()).orElse(owner)
              : owner;
      String name = names.column(table, field.getName());
      field.setName(QUOTE + name + QUOTE, QUOTE, QUOTE);
      if (field.hasTableName()) {
        table(field.getTable());
      }
    }

    private void table(DatabaseTable table) {
      if (table == null || done.put(table, Boolean.TRUE) != null) {
        return;
      }
      MappedTable.ofPortcullisName(table.getName())
          .ifPresent(t -> table.setName(QUOTE + names.table(t) + QUOTE, QUOTE, QUOTE));
    }
  }
}
