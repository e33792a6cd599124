package dev.portcullis.impl.authorization;

import dev.portcullis.RolesRequired;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link RolesRequired} on CDI beans. */
@RolesRequired({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class RolesRequiredInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
