package dev.portcullis.sample;

import jakarta.annotation.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import javax.sql.DataSource;

@Path("probe")
public class ProbeResource {
  @Resource(lookup = "java:app/jdbc/portcullis")
  DataSource ds;

  @GET
  public String get() throws Exception {
    try (var c = ds.getConnection()) {
      return c.getMetaData().getURL() + " " + c.getMetaData().getDatabaseProductName();
    }
  }
}
