/**
 * Portcullis' test kit: doubles of the extension points for unit tests without a server, for
 * Portcullis' own tests and for applications (add {@code dev.portcullis:security-test} in {@code
 * test} scope).
 *
 * <ul>
 *   <li>{@link dev.portcullis.test.InMemoryUserStore} and {@link
 *       dev.portcullis.test.InMemoryRoleStore}: the user and role stores, faithful to the JPA
 *       defaults (the same contract tests run against both);
 *   <li>{@link dev.portcullis.test.RecordingMailSender}: keeps mails so a test can follow their
 *       links, and fails on demand;
 *   <li>{@link dev.portcullis.test.SettableClock}: a clock that moves only when told to;
 *   <li>{@link dev.portcullis.test.TranslationCheck}: every language of a text bundle has every
 *       key, and the same placeholders;
 *   <li>{@link dev.portcullis.test.SoftAuthenticator}: a WebAuthn authenticator and browser in
 *       software, answering registration and authentication with the browser's JSON.
 * </ul>
 *
 * <pre>{@code
 * SettableClock clock = SettableClock.at("2024-05-01T10:00:00Z");
 * InMemoryRoleStore roles = new InMemoryRoleStore();
 * InMemoryUserStore users = new InMemoryUserStore(roles, clock);
 * RecordingMailSender mail = new RecordingMailSender();
 * }</pre>
 */
package dev.portcullis.test;
