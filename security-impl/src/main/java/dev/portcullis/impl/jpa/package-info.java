/**
 * JPA provider adapters: one class per provider that applies the configured table and column names
 * ({@link dev.portcullis.impl.persistence.DatastoreNames}) to Portcullis' entities while the
 * provider deploys the persistence unit. {@link dev.portcullis.impl.jpa.EclipseLinkNames} is the
 * only class that imports EclipseLink. Nothing else in Portcullis depends on this package; the
 * provider finds the adapter by the class name in {@code persistence.xml}.
 */
package dev.portcullis.impl.jpa;
