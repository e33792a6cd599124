package dev.portcullis.impl.recoverycodes;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.AuthRequired;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.authentication.AuthenticationConfig;
import dev.portcullis.impl.authorization.AccessDecision;
import dev.portcullis.impl.authorization.Denials;
import dev.portcullis.impl.feature.Feature;
import dev.portcullis.impl.feature.FeatureFlag;
import dev.portcullis.impl.json.Jsons;
import dev.portcullis.impl.rest.Replies;
import dev.portcullis.impl.rest.WantJson;
import dev.portcullis.impl.views.Views;
import dev.portcullis.spi.UserRecord;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET/POST /mf-recovery-codes} (Flask-Security {@code recovery_codes.mf_recovery_codes},
 * spec §1.2 #15): signed in and fresh, a user reads their codes or generates a new set.
 */
@Path("mf-recovery-codes")
@RequestScoped
@Feature.Gated(Feature.MULTI_FACTOR_RECOVERY_CODES)
@AuthRequired
public class RecoveryCodesResource {

  /** Registers the recovery-code flag (with two-factor, as in Flask-Security) with the gate. */
  @Produces
  static FeatureFlag flag(RecoveryCodesConfig config) {
    return new FeatureFlag(Feature.MULTI_FACTOR_RECOVERY_CODES, config.enabled());
  }

  @Inject RecoveryCodesService service;
  @Inject RecoveryCodesConfig config;
  @Inject Replies reply;
  @Inject AccessDecision access;
  @Inject Denials denials;
  @Inject AuthenticationConfig authConfig;
  @Context HttpServletRequest request;

  /** The current codes (empty when none). */
  @GET
  public Response get() {
    if (!access.isFresh(request)) {
      return stale();
    }
    if (!WantJson.test(request)) {
      return Views.redirectToView(request, config.codesTemplate());
    }
    return codes(service.readable(user()));
  }

  /** A new set, replacing the old one. */
  @POST
  public Response post() {
    if (!access.isFresh(request)) {
      return stale();
    }
    List<String> codes = service.generate(user());
    return WantJson.test(request)
        ? codes(codes)
        : Views.redirectToView(request, config.codesTemplate());
  }

  private Response codes(List<String> codes) {
    JsonArrayBuilder array = Jsons.array();
    codes.forEach(array::add);
    return reply.withCsrfToken(Jsons.object().add("recovery_codes", array), request);
  }

  private UserRecord user() {
    return Authentication.of(request).orElseThrow().user();
  }

  private Response stale() {
    return denials
        .answer(Reason.REAUTHENTICATION_REQUIRED, authConfig.apiEnabledMethods(), request)
        .toResponse();
  }
}
