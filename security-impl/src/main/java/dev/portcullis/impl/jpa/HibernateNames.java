package dev.portcullis.impl.jpa;

import dev.portcullis.impl.config.DatastoreSettings;
import dev.portcullis.impl.persistence.DatastoreNames;
import dev.portcullis.impl.persistence.MappedTable;
import java.util.Map;
import java.util.Optional;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataContributor;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.IdentityGenerator;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.KeyValue;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.SimpleValue;
import org.hibernate.mapping.Table;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jboss.jandex.IndexView;

/**
 * The Hibernate adapter of {@link DatastoreNames} (WildFly), twin of {@link EclipseLinkNames}: when
 * users and roles live in Flask-Security's tables, renames the entities' tables and columns to the
 * configured ones, quoted, and lets the database assign the ids of users and roles ({@code
 * IDENTITY}) instead of Portcullis' table generator. For Portcullis' own tables it changes nothing.
 *
 * <p>Found by Hibernate through {@code META-INF/services} (a class only Hibernate loads, so neither
 * provider is a dependency on the other's servers; it acts only on the unit that maps Portcullis'
 * user table, so other persistence units of the application are left alone), in two steps of the
 * boot: as a {@code MetadataContributor}, after the entities are bound and before Hibernate creates
 * (and caches) the identifier generators, it switches the ids; as an {@code Integrator}, once every
 * table is bound and before the persisters build their statements, it renames. Not a {@code
 * PhysicalNamingStrategy}: that sees a column without its table, and renames may differ by table.
 *
 * <p>Outside a container the names come from the factory property {@link
 * DatastoreNames#JPA_PROPERTY}; in a container from the application's configuration.
 */
// MetadataContributor is Hibernate 6's hook at this point of the boot (WildFly 38 ships 6.6); it
// is marked for removal, and Hibernate 7 needs another one (see the README's limitations).
@SuppressWarnings("removal")
public class HibernateNames implements MetadataContributor, Integrator {

  /**
   * Entity-manager-factory properties that apply {@code names} to a resource-local unit outside a
   * container (the contributor itself is found by Hibernate).
   */
  public static Map<String, Object> properties(DatastoreNames names) {
    return Map.of(DatastoreNames.JPA_PROPERTY, names);
  }

  /** Ids: before Hibernate binds the remaining associations and creates the generators. */
  @Override
  public void contribute(InFlightMetadataCollector metadata, IndexView jandex) {
    Map<String, Object> settings =
        metadata
            .getBootstrapContext()
            .getServiceRegistry()
            .requireService(ConfigurationService.class)
            .getSettings();
    if (!portcullisUnit(metadata) || !names(settings).adopted()) {
      return;
    }
    for (PersistentClass entity : metadata.getEntityBindings()) {
      tableOf(entity.getTable())
          .filter(table -> table == MappedTable.USER || table == MappedTable.ROLE)
          .ifPresent(table -> useDatabaseIds(entity));
    }
  }

  /**
   * Names: once every table of the model is bound (the user-role association is bound after the
   * contributors, by the names it had), before the persisters build their statements.
   */
  @Override
  public void integrate(
      Metadata metadata, BootstrapContext context, SessionFactoryImplementor sessionFactory) {
    if (!portcullisUnit(metadata)) {
      return;
    }
    DatastoreNames names = names(sessionFactory.getProperties());
    if (!names.adopted()) {
      return;
    }
    for (Table table : metadata.collectTableMappings()) {
      tableOf(table).ifPresent(mapped -> rename(table, mapped, names));
    }
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
    // Nothing to undo: only the boot model was changed.
  }

  private static DatastoreNames names(Map<String, Object> settings) {
    return settings.get(DatastoreNames.JPA_PROPERTY) instanceof DatastoreNames given
        ? given
        : DatastoreSettings.fromEnvironment();
  }

  /** Whether this unit maps Portcullis' user table: other units of the application are not ours. */
  private static boolean portcullisUnit(Metadata metadata) {
    return metadata.getEntityBindings().stream()
        .anyMatch(entity -> tableOf(entity.getTable()).orElse(null) == MappedTable.USER);
  }

  private static Optional<MappedTable> tableOf(Table table) {
    return table == null ? Optional.empty() : MappedTable.ofPortcullisName(table.getName());
  }

  /**
   * Ids from the column's own default ({@code SERIAL}/{@code IDENTITY}/{@code AUTO_INCREMENT}),
   * read back after the insert: the source Flask-Security's inserts use too.
   */
  private static void useDatabaseIds(PersistentClass entity) {
    KeyValue id = entity.getIdentifier();
    if (!(id instanceof SimpleValue value)) {
      throw new IllegalStateException(
          "Portcullis cannot use database ids for " + entity.getEntityName() + " on Hibernate");
    }
    value.setCustomIdGeneratorCreator(creation -> new IdentityGenerator());
  }

  /** Hibernate quotes a name written in backticks, in the database's own quote characters. */
  private static void rename(Table table, MappedTable mapped, DatastoreNames names) {
    for (Column column : table.getColumns()) {
      column.setName("`" + names.column(mapped, column.getName()) + "`");
    }
    table.setName("`" + names.table(mapped) + "`");
  }
}
