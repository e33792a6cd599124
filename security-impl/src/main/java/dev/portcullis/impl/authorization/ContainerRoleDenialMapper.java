package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException.Reason;
import dev.portcullis.impl.authentication.Authentication;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.rest.ApiErrorMapper;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Answers the JAX-RS runtime's own refusal of a standard {@code @RolesAllowed} / {@code @DenyAll}
 * like Flask-Security's {@code roles_required} would: an anonymous caller is unauthenticated (401
 * envelope, or the login page for a browser), a signed-in caller is unauthorized (403).
 *
 * <p>Why: RESTEasy (WildFly, Open Liberty) checks {@code @RolesAllowed} in its own filter and
 * throws a bare {@link ForbiddenException} even for nobody signed in, while Jersey (Payara) lets
 * the container ask the authentication mechanism first. Without this the same WAR answered 401 on
 * Payara and 403 on the other two. RESTEasy's refusal carries a small HTML body, so the refusal is
 * recognised by the matched resource method or class declaring {@code @RolesAllowed} or
 * {@code @DenyAll}; any other {@code ForbiddenException}, and one with a JSON body (an
 * application's deliberate answer), is left alone.
 */
@Provider
public class ContainerRoleDenialMapper implements ExceptionMapper<ForbiddenException> {

  @Inject Denials denials;
  @Context HttpServletRequest request;
  @Context ResourceInfo resource;
  @Inject Messages messages;

  @Override
  public Response toResponse(ForbiddenException exception) {
    Response original = exception.getResponse();
    if (!roleCheckedResource()
        || MediaType.APPLICATION_JSON_TYPE.isCompatible(original.getMediaType())) {
      return ApiErrorMapper.inEnvelope(exception, messages);
    }
    Reason reason =
        Authentication.of(request).isPresent() ? Reason.UNAUTHORIZED : Reason.UNAUTHENTICATED;
    return denials.answer(reason, Denials.CONTAINER_MECHANISMS, request).toResponse();
  }

  private boolean roleCheckedResource() {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null) {
      return false;
    }
    return declaresRoleCheck(method) || declaresRoleCheck(resource.getResourceClass());
  }

  private static boolean declaresRoleCheck(AnnotatedElement element) {
    return element != null
        && (element.isAnnotationPresent(RolesAllowed.class)
            || element.isAnnotationPresent(DenyAll.class));
  }
}
