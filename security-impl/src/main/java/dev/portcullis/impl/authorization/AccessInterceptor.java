package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The common body of the CDI interceptors that enforce Portcullis' annotations on CDI beans: denied
 * calls throw {@link AccessDeniedException}.
 *
 * <p>Each method has exactly one enforcer: JAX-RS resource methods (those carrying an HTTP method
 * designator such as {@code @GET}) are enforced by {@link AccessControlFeature} before the method
 * is matched to a CDI bean — it also protects resources that are not CDI beans — so the interceptor
 * leaves them alone; every other bean method is enforced here.
 */
abstract class AccessInterceptor {

  private static final Map<Method, Optional<AccessRule>> RULES = new ConcurrentHashMap<>();

  @Inject AccessDecision decision;
  @Inject HttpServletRequest request;

  Object enforce(InvocationContext invocation) throws Exception {
    Method method = invocation.getMethod();
    Optional<AccessRule> rule =
        RULES.computeIfAbsent(
            method,
            m ->
                isResourceMethod(m)
                    ? Optional.empty()
                    : AccessRule.of(m, targetClass(invocation, m)));
    if (rule.isPresent()) {
      Optional<AccessDeniedException.Reason> reason = decision.check(rule.get(), request);
      if (reason.isPresent()) {
        throw new AccessDeniedException(reason.get(), decision.accepted(rule.get()));
      }
    }
    return invocation.proceed();
  }

  /** Whether JAX-RS dispatches to this method (it has an {@code @HttpMethod} designator). */
  static boolean isResourceMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  private static Class<?> targetClass(InvocationContext invocation, Method method) {
    return invocation.getTarget() == null
        ? method.getDeclaringClass()
        : invocation.getTarget().getClass();
  }
}
