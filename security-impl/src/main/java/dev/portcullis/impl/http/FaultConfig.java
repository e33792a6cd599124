package dev.portcullis.impl.http;

import java.time.Duration;

/**
 * What Portcullis does while a part it needs is down ({@code security.service_unavailable_*},
 * {@code security.health_*}).
 *
 * @param retryAfter the {@code Retry-After} of a 503 answered while the database cannot be reached
 * @param outboxBacklog readiness is DOWN while more mails than this wait in the outbox
 */
public record FaultConfig(Duration retryAfter, int outboxBacklog) {}
