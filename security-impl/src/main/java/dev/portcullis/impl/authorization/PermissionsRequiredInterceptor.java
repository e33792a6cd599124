package dev.portcullis.impl.authorization;

import dev.portcullis.PermissionsRequired;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link PermissionsRequired} on CDI beans. */
@PermissionsRequired({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class PermissionsRequiredInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
