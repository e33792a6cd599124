package dev.portcullis.impl.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Locale;

/**
 * The locale texts are written in now: the request's ({@link RequestLocale}) while a request is
 * being served, else the configured default (mail worker, CLI, startup).
 */
@ApplicationScoped
public class CurrentLocale {

  @Inject LocaleConfig config;
  @Inject Provider<RequestLocale> requestLocale;
  @Inject BeanManager beanManager;

  /** The locale of the request being served, or the default. */
  public Locale get() {
    if (!requestActive()) {
      return config.defaultLocale();
    }
    try {
      return requestLocale.get().getLocale();
    } catch (ContextNotActiveException | IllegalStateException noHttpRequest) {
      // A request context without a servlet request (e.g. an activated one in a worker).
      return config.defaultLocale();
    }
  }

  private boolean requestActive() {
    try {
      return beanManager.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }
}
