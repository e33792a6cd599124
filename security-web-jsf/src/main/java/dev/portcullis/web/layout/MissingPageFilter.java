package dev.portcullis.web.layout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers 404 for a Portcullis page that does not exist before Faces sees the request: Mojarra
 * turns a postback to a missing view into a 500 instead.
 */
@WebFilter(PageGuard.SECURITY_VIEWS + "*")
public class MissingPageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.endsWith(".xhtml") && request.getServletContext().getResource(path) == null) {
      response.sendError(404);
      return;
    }
    chain.doFilter(request, response);
  }
}
