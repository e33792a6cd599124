package dev.portcullis.impl.unifiedsignin;

import dev.portcullis.SecurityUser;

/**
 * Fired where a real send fires {@link dev.portcullis.event.UsSecurityTokenSent}, after a
 * stand-in's rehearsed send (generic responses, an identity that gets no code), through the same
 * {@link dev.portcullis.impl.events.EventPublisher} path: the same observer resolution, synchronous
 * fire and asynchronous fire, so the stand-in's answer takes no less time for lack of an event.
 * Nobody observes it (Portcullis-internal, package-private): an application's observers of {@code
 * UsSecurityTokenSent} — audit logs, counters of codes sent — never hear of a send that did not
 * happen. The fields mirror the real event's so that building it costs the same.
 *
 * @param user the stand-in (no real user)
 * @param method {@code email}
 * @param phoneNumber always {@code null} (a text is never rehearsed)
 * @param magicLink whether the rehearsed mail held a link
 */
record StandInCodeSent(SecurityUser user, String method, String phoneNumber, boolean magicLink) {}
