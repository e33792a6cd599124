package dev.portcullis.impl.authorization;

import dev.portcullis.RolesAccepted;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link RolesAccepted} on CDI beans. */
@RolesAccepted({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class RolesAcceptedInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
