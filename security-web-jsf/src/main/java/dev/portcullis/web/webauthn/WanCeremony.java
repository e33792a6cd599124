package dev.portcullis.web.webauthn;

import dev.portcullis.impl.webauthn.WanResult;
import dev.portcullis.web.layout.FormPage;
import java.util.Optional;

/**
 * A page with a WebAuthn ceremony in two steps, as Flask-Security's templates have them: the first
 * form asks the server for options; the page comes back with them on the response form ({@code
 * data-wan-options}, read by {@code portcullis/webauthn.js}) and the signed state in its hidden
 * {@code wan_state} field; the script passes the options to {@code navigator.credentials}, puts the
 * browser's credential (WebAuthn L3 JSON) into the hidden {@code credential} field and submits.
 *
 * <p>The response form is always part of the view (served hidden; the script shows it when it has
 * options to answer), so its postback finds its fields and its action.
 */
public abstract class WanCeremony extends FormPage {

  private String options;
  private String state;
  private String credential;

  /** Keeps started options for the page, or shows the refusal. */
  protected void started(WanResult result, WanPages wan) {
    if (result instanceof WanResult.Refused refused) {
      show(wan.errors(refused));
      return;
    }
    WanResult.Started started = (WanResult.Started) result;
    options = started.options().toString();
    state = started.state();
  }

  /** The options JSON for {@code navigator.credentials}, or {@code null} before a start. */
  public String getOptions() {
    return options;
  }

  /** Whether the page carries options (the response form is shown). */
  public boolean isStarted() {
    return options != null;
  }

  /** The signed ceremony state ({@code wan_state}). */
  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  /**
   * Always {@code null}: the hidden {@code credential} field is filled by the script only, and a
   * posted credential is never written back into a page.
   */
  public String getCredential() {
    return null;
  }

  public void setCredential(String credential) {
    this.credential = credential;
  }

  /** The posted credential, present when not blank. */
  protected Optional<String> postedCredential() {
    return Optional.ofNullable(credential).filter(c -> !c.isBlank());
  }

  /** The posted state, or an empty text the service refuses. */
  protected String postedState() {
    return state == null ? "" : state;
  }

  /** After a finish: nothing of the old ceremony stays on the page. */
  protected void reset() {
    options = null;
    state = null;
    credential = null;
  }
}
