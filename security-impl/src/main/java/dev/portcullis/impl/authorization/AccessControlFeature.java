package dev.portcullis.impl.authorization;

import dev.portcullis.Mechanism;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.BasicAuthentication;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Enforces Portcullis' annotations on JAX-RS resource methods: one filter per annotated method,
 * answering denials with the JSON envelope or a redirect before the method runs: the sole enforcer
 * for those methods (the CDI interceptors skip them, see {@link AccessInterceptor}). For a method
 * whose {@code @AuthRequired} accepts {@code basic}, the filter first tries HTTP Basic: the only
 * place Basic is tried.
 */
@Provider
public class AccessControlFeature implements DynamicFeature {

  @Inject AccessDecision decision;
  @Inject Denials denials;
  @Inject BasicAuthentication basic;

  /** Proxies to the current request and response; filters registered here get no injection. */
  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    AccessRule.of(resource.getResourceMethod(), resource.getResourceClass())
        .ifPresent(
            rule ->
                context.register(
                    new AccessControlFilter(
                        rule,
                        decision,
                        denials,
                        acceptsBasic(rule) ? basic : null,
                        request,
                        response)));
  }

  /** Flask-Security tries Basic only in {@code auth_required}, and only if listed there. */
  private boolean acceptsBasic(AccessRule rule) {
    return rule.authRequired() && decision.accepted(rule).contains(Mechanism.BASIC);
  }

  /** Checks one method's rule. */
  @Priority(Priorities.AUTHORIZATION)
  static final class AccessControlFilter implements ContainerRequestFilter {

    private final AccessRule rule;
    private final AccessDecision decision;
    private final Denials denials;
    private final BasicAuthentication basic;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    /** {@code basic} is null where the method does not accept Basic. */
    AccessControlFilter(
        AccessRule rule,
        AccessDecision decision,
        Denials denials,
        BasicAuthentication basic,
        HttpServletRequest request,
        HttpServletResponse response) {
      this.rule = rule;
      this.decision = decision;
      this.denials = denials;
      this.basic = basic;
      this.request = request;
      this.response = response;
    }

    @Override
    public void filter(ContainerRequestContext context) {
      Optional<Authentication> authentication = Authentication.of(context);
      if (basic != null && authentication.isEmpty()) {
        basic.attempt(request, response);
        authentication = Authentication.of(context);
      }
      var reason = decision.check(rule, authentication, request);
      reason.ifPresent(
          denied ->
              context.abortWith(
                  denials.answer(denied, decision.accepted(rule), request).toResponse()));
    }
  }
}
