package dev.portcullis.sample.support;

import dev.portcullis.test.SoftAuthenticator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.util.Base64;
import java.util.List;

/**
 * A browser with one software authenticator, for the JSON ITs: it takes the {@code
 * credential_options} a {@code /wan-register}, {@code /wan-signin} or {@code /wan-verify} answer
 * carries and returns the {@code credential} JSON string the browser would post back.
 *
 * <p>It accepts the options object itself, the same as a JSON string, or the whole reply (it looks
 * into {@code response} and {@code credential_options}). Creation options are recognised by their
 * {@code user}; the challenge, {@code user.id} and {@code allowCredentials[].id} are read as
 * base64url. The RP ID is the options' ({@code rp.id} / {@code rpId}) unless {@link #rpId(String)}
 * overrides it, the origin is the one given to the constructor unless {@link #origin(String)}
 * changes it. Like a browser, {@link #get} refuses to answer when the options list credentials and
 * this one is not among them, unless {@link #ignoreAllowList(boolean)}.
 *
 * <pre>{@code
 * WebAuthnClient phone = new WebAuthnClient("http://localhost:8080");
 * String credential = phone.create(registerReply);      // post as {"credential": credential}
 * String assertion = phone.get(signinReply);
 * new WebAuthnClient("http://localhost:8080").get(signinReply);  // an unregistered key
 * phone.authenticator().counter(0);                       // the next assertion regresses
 * }</pre>
 */
public final class WebAuthnClient {

  private final SoftAuthenticator authenticator = new SoftAuthenticator();
  private String origin;
  private String rpIdOverride;
  private boolean ignoreAllowList;

  /**
   * A new device.
   *
   * @param origin the page's origin, e.g. {@code http://localhost:8080}
   */
  public WebAuthnClient(String origin) {
    this.origin = origin;
  }

  /** The authenticator, for its knobs (UV flag, resident key, counter, backup flags, format). */
  public SoftAuthenticator authenticator() {
    return authenticator;
  }

  /** Changes the origin the client data will name (e.g. a phishing site). */
  public WebAuthnClient origin(String value) {
    this.origin = value;
    return this;
  }

  /** Answers for this RP ID instead of the options' (a wrong RP ID hash). */
  public WebAuthnClient rpId(String value) {
    this.rpIdOverride = value;
    return this;
  }

  /** Answers {@link #get} even when the options' {@code allowCredentials} do not name this key. */
  public WebAuthnClient ignoreAllowList(boolean flag) {
    this.ignoreAllowList = flag;
    return this;
  }

  /** The credential id as base64url (the JSON {@code id}). */
  public String credentialId() {
    return authenticator.credentialIdBase64Url();
  }

  /** {@code navigator.credentials.create()}: the registration {@code credential} JSON string. */
  public String create(String options) {
    JsonObject o = options(options);
    JsonObject user = o.getJsonObject("user");
    if (user == null) {
      throw new IllegalArgumentException("not creation options (no user): " + o);
    }
    String rpId =
        rpIdOverride != null ? rpIdOverride : o.getJsonObject("rp").getString("id", host());
    return authenticator.create(
        rpId, origin, decode(o.getString("challenge")), decode(user.getString("id")));
  }

  /** {@code navigator.credentials.get()}: the authentication {@code credential} JSON string. */
  public String get(String options) {
    JsonObject o = options(options);
    if (!ignoreAllowList && !allowed(o)) {
      throw new IllegalStateException("the options do not allow this credential (NotAllowedError)");
    }
    String rpId = rpIdOverride != null ? rpIdOverride : o.getString("rpId", host());
    return authenticator.get(rpId, origin, decode(o.getString("challenge")));
  }

  private boolean allowed(JsonObject o) {
    List<JsonObject> allow =
        o.containsKey("allowCredentials")
            ? o.getJsonArray("allowCredentials").getValuesAs(JsonObject.class)
            : List.of();
    return allow.isEmpty()
        || allow.stream().anyMatch(c -> c.getString("id").equals(credentialId()));
  }

  private String host() {
    return URI.create(origin).getHost();
  }

  private static JsonObject options(String text) {
    JsonValue value = Json.createReader(new StringReader(text)).readValue();
    if (value instanceof JsonString s) {
      return options(s.getString());
    }
    JsonObject o = value.asJsonObject();
    if (o.containsKey("response")) {
      return options(o.get("response").toString());
    }
    if (o.containsKey("credential_options")) {
      return options(o.get("credential_options").toString());
    }
    return o;
  }

  private static byte[] decode(String base64Url) {
    return Base64.getUrlDecoder().decode(base64Url.replace("=", ""));
  }
}
