package dev.portcullis.impl.rest;

import dev.portcullis.impl.config.AccountConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The one place that decides whether an optional feature's endpoints exist (DESIGN §3): a disabled
 * feature answers 404 in the envelope, before authentication or CSRF checks. The Faces beans ask
 * {@link #enabled} too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class FeatureGate implements ContainerRequestFilter {

  @Inject AccountConfig config;
  @Inject Messages messages;
  @Context ResourceInfo resource;

  /** Whether a feature is enabled. */
  public boolean enabled(Feature feature) {
    return switch (feature) {
      case REGISTERABLE -> config.registerable();
      case CONFIRMABLE -> config.confirmable();
      case RECOVERABLE -> config.recoverable();
      case CHANGEABLE -> config.changeable();
      case CHANGE_EMAIL -> config.changeEmail();
    };
  }

  @Override
  public void filter(ContainerRequestContext context) {
    Class<?> type = resource == null ? null : resource.getResourceClass();
    Feature.Gated gated = type == null ? null : type.getAnnotation(Feature.Gated.class);
    if (gated != null && !enabled(gated.value())) {
      context.abortWith(Envelope.of(404, Envelope.errors(List.of(messages.text("NOT_FOUND")))));
    }
  }
}
