/**
 * The JSON API described for MicroProfile OpenAPI (issue 13, item 6): {@code
 * portcullis-openapi.json}, an OpenAPI 3.0 document maintained beside the code, becomes the
 * starting model of the server's {@code /openapi} through {@link
 * dev.portcullis.impl.openapi.PortcullisModelReader}, fitted to the application's configuration
 * (paths under {@code security.url_prefix}, only enabled features, the configured mechanisms and
 * credential names). Flask-Security ships a static {@code openapi.yaml} instead.
 *
 * <p>A feature adds its paths, schemas and tags to the document, marking them with {@code
 * x-portcullis-when} and its feature name, and registers that name in {@link
 * dev.portcullis.impl.openapi.OpenApiSettings}. {@code PortcullisOpenApiDocumentTest} checks that
 * every JAX-RS method of this module is described, and {@code OpenApiIT} that real answers of the
 * sample match the served document.
 *
 * <p>May use: {@code config} (read outside CDI), {@code feature} (names), {@code json}. Only this
 * package imports {@code org.eclipse.microprofile.openapi}; nothing depends on it.
 */
package dev.portcullis.impl.openapi;
