package dev.portcullis.impl.authorization;

import dev.portcullis.AnonymousRequired;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link AnonymousRequired} on CDI beans. */
@AnonymousRequired
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class AnonymousRequiredInterceptor extends AccessInterceptor {

  @AroundInvoke
  Object check(InvocationContext invocation) throws Exception {
    return enforce(invocation);
  }
}
