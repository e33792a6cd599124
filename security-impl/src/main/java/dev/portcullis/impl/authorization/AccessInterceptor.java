package dev.portcullis.impl.authorization;

import dev.portcullis.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The common body of the CDI interceptors that enforce Portcullis' annotations on CDI beans: denied
 * calls throw {@link AccessDeniedException}.
 */
abstract class AccessInterceptor {

  /** Request attribute: the JAX-RS resource method whose rule the JAX-RS filter already passed. */
  static final String CHECKED = AccessInterceptor.class.getName() + ".checked";

  private static final Map<Method, Optional<AccessRule>> RULES = new ConcurrentHashMap<>();

  @Inject AccessDecision decision;
  @Inject HttpServletRequest request;

  Object enforce(InvocationContext invocation) throws Exception {
    Method method = invocation.getMethod();
    if (method.equals(request.getAttribute(CHECKED))) {
      return invocation.proceed();
    }
    Optional<AccessRule> rule =
        RULES.computeIfAbsent(method, m -> AccessRule.of(m, targetClass(invocation, m)));
    if (rule.isPresent()) {
      Optional<AccessDeniedException.Reason> reason = decision.check(rule.get(), request);
      if (reason.isPresent()) {
        throw new AccessDeniedException(reason.get(), decision.accepted(rule.get()));
      }
    }
    return invocation.proceed();
  }

  private static Class<?> targetClass(InvocationContext invocation, Method method) {
    return invocation.getTarget() == null
        ? method.getDeclaringClass()
        : invocation.getTarget().getClass();
  }
}
