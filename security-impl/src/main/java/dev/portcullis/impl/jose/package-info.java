/**
 * The adapter to nimbus-jose-jwt ({@link dev.portcullis.impl.jose.NimbusJose}): signing and
 * checking JWS for the MicroProfile JWT tokens ({@code impl.jwt}) and the ID tokens of OpenID
 * Connect providers ({@code impl.oauth}). No other class imports {@code com.nimbusds.jose} or
 * {@code com.nimbusds.jwt}.
 */
package dev.portcullis.impl.jose;
