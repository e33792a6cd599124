package dev.portcullis.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The least a JAX-RS GET can do: the same small JSON body as the sample's {@code /api/public}. */
@Path("hello")
public class HelloResource {

  /**
   * Answers a constant.
   *
   * @return {@code {"ok":true}}
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String hello() {
    return "{\"ok\":true}";
  }
}
