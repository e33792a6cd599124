package dev.portcullis.web.layout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Keeps Portcullis' pages out of browser and proxy caches ({@code Cache-Control: no-store}, {@code
 * Pragma: no-cache}): they carry the Faces view state and forms for passwords and account data. The
 * layout template calls it before rendering, so every page built on it has the headers.
 */
@Named
@ApplicationScoped
public class NoStorePages {

  /** Sets the headers on the current Faces response. */
  public void apply() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.setResponseHeader("Cache-Control", "no-store");
    external.setResponseHeader("Pragma", "no-cache");
    // Reset and confirmation pages carry a token in their URL: never hand it on as a referrer.
    external.setResponseHeader("Referrer-Policy", "no-referrer");
  }
}
