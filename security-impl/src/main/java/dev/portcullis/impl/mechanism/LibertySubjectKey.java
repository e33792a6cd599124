package dev.portcullis.impl.mechanism;

import dev.portcullis.impl.authentication.PortcullisPrincipal;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names, for Open Liberty only, the key under which Liberty may keep the {@code Subject} it builds
 * after {@code notifyContainerAboutLogin}. Without one, Liberty logs the caller in again on every
 * request (a JAAS login and a new, signed and encrypted LTPA token each time), and with its
 * authentication cache on it also stores every such Subject under a key no request presents again.
 * With one, Liberty finds the Subject of an earlier request of the same caller in its cache and
 * skips both.
 *
 * <p>The key is Liberty's documented custom cache key ({@code
 * com.ibm.wsspi.security.cred.cacheKey}, in a {@code Hashtable} among the client subject's private
 * credentials; Liberty's own callback handling adds the caller and groups to that table). It is a
 * SHA-256 over everything the Subject carries — the caller's name, the user's id and the groups
 * (the user's role names) — so a renamed user or a changed role gets a new Subject, never a kept
 * one. Nothing is revoked through it: the mechanism has already checked the token, session or
 * cookie and the user in this request, and names no caller when they fail.
 *
 * <p>Other servers ignore such a table, but it is only added where the mechanism runs in Liberty's
 * Jakarta Security bridge (its {@link HttpMessageContext} implementation), to keep the others'
 * Subjects as they are.
 */
final class LibertySubjectKey {

  static final String CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";

  private static final String LIBERTY_PACKAGE = "com.ibm.ws.security.";

  private LibertySubjectKey() {}

  /** Adds the key to {@code context}'s client subject when the server is Open Liberty. */
  static void offer(HttpMessageContext context, CallerPrincipal caller, Set<String> groups) {
    if (!context.getClass().getName().startsWith(LIBERTY_PACKAGE)
        || context.getClientSubject() == null) {
      return;
    }
    Hashtable<String, Object> table = new Hashtable<>();
    long userId = caller instanceof PortcullisPrincipal user ? user.userId() : -1;
    table.put(CACHE_KEY, key(caller.getName(), userId, groups));
    context.getClientSubject().getPrivateCredentials().add(table);
  }

  /**
   * {@code portcullis:} and the unpadded base64url SHA-256 of caller, id and sorted groups, each
   * prefixed by its length (no two different callers or sets of groups give the same text).
   */
  static String key(String caller, long userId, Set<String> groups) {
    StringBuilder text = new StringBuilder();
    field(text, caller);
    field(text, Long.toString(userId));
    for (String group : new TreeSet<>(groups)) {
      field(text, group);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "portcullis:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }
}
