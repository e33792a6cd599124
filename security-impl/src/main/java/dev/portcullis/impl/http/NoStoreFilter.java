package dev.portcullis.impl.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Cache-Control: no-store} and {@code Pragma: no-cache} on every reply of Portcullis' JSON
 * API, errors included: its replies carry CSRF tokens, auth tokens and user data, which no browser
 * or proxy cache may keep (Flask-Security leaves this to the application). The application's own
 * resources keep whatever caching they choose.
 */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {

  private static final String PORTCULLIS = "dev.portcullis.impl.";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Class<?> type = resource == null ? null : resource.getResourceClass();
    if (type != null && type.getName().startsWith(PORTCULLIS)) {
      response.getHeaders().putSingle("Cache-Control", "no-store");
      response.getHeaders().putSingle("Pragma", "no-cache");
    }
  }
}
