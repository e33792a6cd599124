package dev.portcullis.bench.caller;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Reads the caller the container was told about, as the sample's {@code /api/whoami} does. */
@Path("whoami")
public class CallerResource {

  /**
   * Answers the caller's name, as the sample's {@code whoami} answers the signed-in user's email.
   *
   * @param security the container's view of the caller
   * @return a small JSON body
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String whoami(@Context SecurityContext security) {
    String name = security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName();
    return "{\"email\":\"" + name + "\"}";
  }
}
