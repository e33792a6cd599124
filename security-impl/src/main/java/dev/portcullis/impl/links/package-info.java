/**
 * Absolute links for mails (confirmation, reset, change-email): on {@code
 * security.external_base_url}, else on the request's host only when {@code security.trusted_hosts}
 * lists it. Ports Flask's {@code url_for(..., _external=True)} guarded by {@code TRUSTED_HOSTS},
 * with a safer default: Flask trusts every host when the list is empty, Portcullis trusts none.
 */
package dev.portcullis.impl.links;
