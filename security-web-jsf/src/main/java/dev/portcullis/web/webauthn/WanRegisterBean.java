package dev.portcullis.web.webauthn;

import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.webauthn.RelyingPartyIdentity;
import dev.portcullis.impl.webauthn.WanRegistration;
import dev.portcullis.impl.webauthn.WebAuthnConfig;
import dev.portcullis.impl.webauthn.WebAuthnCredential;
import dev.portcullis.spi.UserRecord;
import dev.portcullis.web.layout.PageAccess;
import dev.portcullis.web.layout.PageRule;
import dev.portcullis.web.layout.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Backs {@code security/wan_register.xhtml} (Flask-Security {@code wan_register}, {@code
 * wan_register_response} and {@code wan_delete}, spec §1.2 #24, #25, #28): the caller's keys,
 * adding one (name and usage, then the browser's {@code navigator.credentials.create}) and removing
 * one after a confirmation. It calls {@link WanRegistration} as the JSON endpoints do. Fresh
 * callers only, as the endpoints; the view state (the caller has a session) protects the forms.
 */
@Named
@RequestScoped
public class WanRegisterBean extends WanCeremony {

  /** The request parameter naming the key whose removal waits for confirmation. */
  static final String DELETE_NAME = "delete_name";

  @Inject Instance<WanRegistration> registration;
  @Inject Instance<RelyingPartyIdentity> identities;
  @Inject WebAuthnConfig config;
  @Inject WanPages wan;
  @Inject Pages pages;

  /** The page: fresh callers, while WebAuthn is on. */
  @Produces
  static PageRule page(WebAuthnConfig config) {
    return PageRule.of(config.registerTemplate(), Feature.WEBAUTHN, PageAccess.FRESH);
  }

  private String name;
  private String usage;
  private String confirming;
  private List<KeyRow> keys;

  /** One key as the list shows it; {@code index} makes element ids. */
  public record KeyRow(
      int index,
      String name,
      String usageKey,
      String lastUse,
      String transports,
      String backupKey) {}

  /** The key whose removal is being confirmed, from the confirmation form; the chosen usage. */
  @PostConstruct
  void init() {
    confirming = pages.request().getParameter(DELETE_NAME);
    // The usage choice is a group of plain radio inputs (Faces renders radio groups as tables).
    String posted = pages.request().getParameter("usage");
    usage = posted == null ? WebAuthnConfig.SECONDARY : posted;
  }

  @Override
  protected List<String> fields() {
    return List.of("name", "usage", "credential");
  }

  @Override
  protected List<String> formLevelFields() {
    return List.of("", "credential", DELETE_NAME);
  }

  /** Asks for creation options for a key named {@link #getName()} and shows them. */
  public String start() {
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      show(wan.untrustedHost());
      return null;
    }
    started(
        registration
            .get()
            .start(caller(), Optional.ofNullable(name), Optional.ofNullable(usage), rp.get()),
        wan);
    return null;
  }

  /**
   * Verifies and stores the browser's credential; flashes success and goes on, or shows why not.
   */
  public String finish() {
    Optional<RelyingPartyIdentity.Resolved> rp = wan.relyingParty(identities.get());
    if (rp.isEmpty()) {
      show(wan.untrustedHost());
      return null;
    }
    WanRegistration.Finished finished =
        registration.get().finish(caller(), postedState(), postedCredential(), rp.get());
    reset();
    if (finished instanceof WanRegistration.Finished.Refused refused) {
      show(wan.errors(null, refused.messageKey(), refused.args()));
      return null;
    }
    String added = ((WanRegistration.Finished.Registered) finished).name();
    pages.flash("WEBAUTHN_REGISTER_SUCCESSFUL", Map.of("name", added));
    pages.redirectToView(config.postRegisterView());
    return null;
  }

  /** First step of removing a key: the page asks to confirm. */
  public String confirmDelete(String keyName) {
    confirming = keyName;
    return null;
  }

  /** Removes the confirmed key; flashes and shows the list again, or shows why not. */
  public String delete() {
    WanRegistration.Finished outcome =
        registration.get().delete(caller(), Optional.ofNullable(confirming));
    confirming = null;
    if (outcome instanceof WanRegistration.Finished.Refused refused) {
      show(wan.errors(null, refused.messageKey(), refused.args()));
      return null;
    }
    String removed = ((WanRegistration.Finished.Deleted) outcome).name();
    pages.flash("WEBAUTHN_CREDENTIAL_DELETED", Map.of("name", removed));
    pages.redirectToView(config.registerTemplate());
    return null;
  }

  /** The caller's keys, oldest first. */
  public List<KeyRow> getKeys() {
    if (keys == null) {
      List<WebAuthnCredential> all = registration.get().credentials(caller());
      DateTimeFormatter when =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
              .withLocale(locale())
              .withZone(ZoneOffset.UTC);
      keys = IntStream.range(0, all.size()).mapToObj(i -> row(i, all.get(i), when)).toList();
    }
    return keys;
  }

  private static KeyRow row(int index, WebAuthnCredential key, DateTimeFormatter when) {
    return new KeyRow(
        index,
        key.name(),
        WebAuthnConfig.FIRST.equals(key.usage())
            ? "page.wan_register.usage.first"
            : "page.wan_register.usage.secondary",
        when.format(key.lastUse()) + " UTC",
        String.join(", ", key.transports()),
        key.backupState() ? "page.wan_register.backed_up" : "page.wan_register.not_backed_up");
  }

  /** Whether keys may be a first factor, so the page offers the choice of usage. */
  public boolean isUsageOffered() {
    return config.allowAsFirstFactor();
  }

  /** Whether the page is asking to confirm a removal. */
  public boolean isConfirmingDelete() {
    return confirming != null && !confirming.isBlank();
  }

  /** The name of the key whose removal is being confirmed. */
  public String getConfirming() {
    return confirming;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUsage() {
    return usage;
  }

  private UserRecord caller() {
    return pages.caller().user();
  }

  private static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null || faces.getViewRoot() == null
        ? Locale.ENGLISH
        : faces.getViewRoot().getLocale();
  }
}
