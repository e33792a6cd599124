package dev.portcullis.sample.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A service behind the application that knows nothing of Portcullis: MicroProfile JWT only, with
 * Portcullis' JWK Set URL, issuer and its own audience as its configuration (JwtIT).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class OrdersApplication extends Application {}
