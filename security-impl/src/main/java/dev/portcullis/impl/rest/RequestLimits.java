package dev.portcullis.impl.rest;

/**
 * Limits on what the JSON API reads.
 *
 * @param maxRequestBytes largest JSON or form body accepted ({@code security.max_request_bytes})
 */
public record RequestLimits(int maxRequestBytes) {}
