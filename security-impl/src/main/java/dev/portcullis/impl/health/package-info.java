/**
 * Health and metrics (Portcullis' own; Flask-Security has none): a MicroProfile Health readiness
 * check ({@link dev.portcullis.impl.health.PortcullisReadiness}) and MicroProfile Metrics counters
 * fed by Portcullis' events ({@link dev.portcullis.impl.health.PortcullisMetrics}).
 *
 * <p>Both APIs are {@code provided} and optional: these two classes are the only ones that import
 * them and nothing refers to them, so where the server lacks an API its class does not load, CDI
 * skips it, and the rest deploys and works as before.
 */
package dev.portcullis.impl.health;
