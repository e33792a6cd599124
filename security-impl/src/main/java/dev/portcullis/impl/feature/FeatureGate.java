package dev.portcullis.impl.feature;

import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.Envelope;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place that decides whether an optional feature's endpoints exist (DESIGN §3): a disabled
 * feature answers 404 in the envelope, before authentication or CSRF checks. The Faces beans ask
 * {@link #enabled} too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class FeatureGate implements ContainerRequestFilter {

  @Inject Instance<FeatureFlag> flags;
  @Inject Messages messages;
  @Context ResourceInfo resource;

  private volatile Map<String, Boolean> enabled;

  /** Whether a feature is enabled; an unknown name is off (fail closed). */
  public boolean enabled(String feature) {
    Map<String, Boolean> known = enabled;
    if (known == null) {
      known =
          flags.stream()
              .collect(Collectors.toUnmodifiableMap(FeatureFlag::name, FeatureFlag::enabled));
      enabled = known;
    }
    return known.getOrDefault(feature, false);
  }

  @Override
  public void filter(ContainerRequestContext context) {
    Class<?> type = resource == null ? null : resource.getResourceClass();
    Feature.Gated gated = type == null ? null : type.getAnnotation(Feature.Gated.class);
    if (gated != null && Arrays.stream(gated.value()).noneMatch(this::enabled)) {
      context.abortWith(Envelope.of(404, Envelope.errors(List.of(messages.text("NOT_FOUND")))));
    }
  }
}
