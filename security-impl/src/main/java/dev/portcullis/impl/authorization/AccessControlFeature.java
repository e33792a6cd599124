package dev.portcullis.impl.authorization;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces Portcullis' annotations on JAX-RS resource methods: one filter per annotated method,
 * answering denials with the JSON envelope or a redirect before the method runs. The sole enforcer
 * for those methods (the CDI interceptors skip them, see {@link AccessInterceptor}).
 */
@Provider
public class AccessControlFeature implements DynamicFeature {

  @Inject AccessDecision decision;
  @Inject Denials denials;

  /** A proxy to the current request; filter instances registered here get no injection. */
  @Context HttpServletRequest request;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    AccessRule.of(resource.getResourceMethod(), resource.getResourceClass())
        .ifPresent(
            rule -> context.register(new AccessControlFilter(rule, decision, denials, request)));
  }

  /** Checks one method's rule. */
  @Priority(Priorities.AUTHORIZATION)
  static final class AccessControlFilter implements ContainerRequestFilter {

    private final AccessRule rule;
    private final AccessDecision decision;
    private final Denials denials;

    private final HttpServletRequest request;

    AccessControlFilter(
        AccessRule rule, AccessDecision decision, Denials denials, HttpServletRequest request) {
      this.rule = rule;
      this.decision = decision;
      this.denials = denials;
      this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext context) {
      var reason = decision.check(rule, request);
      reason.ifPresent(
          denied ->
              context.abortWith(
                  denials.answer(denied, decision.accepted(rule), request).toResponse()));
    }
  }
}
