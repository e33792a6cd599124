package dev.portcullis.impl.authorization;

import dev.portcullis.AuthRequired;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link AuthRequired} on CDI beans. */
@AuthRequired
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class AuthRequiredInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
