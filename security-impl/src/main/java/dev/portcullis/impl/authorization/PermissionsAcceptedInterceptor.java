package dev.portcullis.impl.authorization;

import dev.portcullis.PermissionsAccepted;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link PermissionsAccepted} on CDI beans. */
@PermissionsAccepted({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class PermissionsAcceptedInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
