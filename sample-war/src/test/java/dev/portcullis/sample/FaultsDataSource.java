package dev.portcullis.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * {@code FaultsIT}'s data source {@code java:app/jdbc/portcullis}, written into {@code web.xml}
 * when the test knows the proxy's port: a {@code <data-source>} (the standard twin of
 * {@code @DataSourceDefinition}) with the sample's pool settings ({@link SampleDataSource}'s
 * properties, read from its annotation so that the two cannot drift apart) on Payara and Open
 * Liberty; on WildFly a reference to the server's data source {@value #WILDFLY_DATA_SOURCE}, which
 * {@code src/test/servers/wildfly/configure.cli} defines with WildFly's pool validation on the
 * proxy's fixed port, since WildFly's pool takes no validation settings from a definition in the
 * application.
 */
final class FaultsDataSource {

  static final String WILDFLY_DATA_SOURCE = "java:jboss/datasources/PortcullisFaults";

  private FaultsDataSource() {}

  /**
   * {@code war} with the data source (or the reference) added to its {@code web.xml}. The user goes
   * into the URL: Payara refuses a {@code <user>} without a {@code <password>} ("No password
   * credential found"), and the test's PostgreSQL user has none.
   */
  static WebArchive define(WebArchive war, String server, String url, String user) {
    String webXml = read(war, "/WEB-INF/web.xml");
    String definition =
        server.equals("wildfly") ? reference(WILDFLY_DATA_SOURCE) : definition(url, user);
    war.delete("/WEB-INF/web.xml");
    return war.setWebXML(new StringAsset(webXml.replace("</web-app>", definition + "</web-app>")));
  }

  /** Binds {@code java:app/jdbc/portcullis} to a data source the server defines. */
  private static String reference(String lookup) {
    return "  <resource-ref>\n"
        + "    <res-ref-name>java:app/jdbc/portcullis</res-ref-name>\n"
        + "    <res-type>javax.sql.DataSource</res-type>\n"
        + "    <lookup-name>"
        + escape(lookup)
        + "</lookup-name>\n"
        + "  </resource-ref>\n";
  }

  private static String definition(String url, String user) {
    StringBuilder definition = new StringBuilder();
    definition
        .append("  <data-source>\n")
        .append("    <name>java:app/jdbc/portcullis</name>\n")
        .append("    <class-name>org.postgresql.ds.PGSimpleDataSource</class-name>\n")
        .append("    <url>")
        .append(escape(url + "&user=" + user))
        .append("</url>\n");
    for (String property : properties()) {
      int eq = property.indexOf('=');
      definition
          .append("    <property><name>")
          .append(escape(property.substring(0, eq)))
          .append("</name><value>")
          .append(escape(property.substring(eq + 1)))
          .append("</value></property>\n");
    }
    return definition.append("  </data-source>\n").toString();
  }

  /**
   * The sample's properties (the pool settings of Payara and Open Liberty, each ignoring the
   * other's) but its {@code description}, a property of its own data source class.
   */
  static List<String> properties() {
    List<String> properties = new ArrayList<>();
    for (String property :
        SampleDataSource.class.getAnnotation(DataSourceDefinition.class).properties()) {
      if (!property.startsWith("description=")) {
        properties.add(property);
      }
    }
    return properties;
  }

  private static String read(WebArchive war, String path) {
    try (InputStream in = war.get(path).getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
