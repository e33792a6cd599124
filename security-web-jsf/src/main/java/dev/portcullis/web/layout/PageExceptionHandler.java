package dev.portcullis.web.layout;

import dev.portcullis.impl.http.DatabaseUnavailable;
import dev.portcullis.impl.http.ServiceUnavailable;
import dev.portcullis.impl.messages.Messages;
import dev.portcullis.impl.views.Flash;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a browser sees when a Portcullis page fails: a form posted with an expired, empty or forged
 * view state (after the session timed out, after signing out and going back, or by an attacker)
 * goes back to the same page with "Your session expired; please try again", keeping {@code next}; a
 * posted view that does not exist is a 404; any other failure of a Portcullis page is the
 * container's plain 500 page — never a class name or a stack trace. The failure itself is logged on
 * the server. Pages of the application are left to the application.
 */
public class PageExceptionHandler extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(PageExceptionHandler.class.getName());

  /** Wraps the handler Faces would use. */
  public PageExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext() && !faces.getResponseComplete()) {
      ExceptionQueuedEventContext event = events.next().getContext();
      if (answer(faces, event.getException(), event.getPhaseId() == PhaseId.RESTORE_VIEW)) {
        events.remove();
      }
    }
    super.handle();
  }

  /**
   * Answers the failure if it is about a Portcullis page; false leaves it to the next handler. A
   * view that could not be restored — expired, or a view state that is empty, garbled or forged —
   * counts as expired.
   */
  private static boolean answer(FacesContext faces, Throwable failure, boolean restoring) {
    if (DatabaseUnavailable.causedBy(failure)) {
      return outage(faces, failure);
    }
    ViewExpiredException expired = expired(failure);
    boolean stale = expired != null || restoring;
    String viewId = expired != null ? expired.getViewId() : viewId(faces);
    if (viewId == null || !viewId.startsWith(PageGuard.SECURITY_VIEWS)) {
      return false;
    }
    try {
      if (!stale) {
        LOG.log(Level.SEVERE, "A Portcullis page failed: " + viewId, failure);
        faces.getExternalContext().responseSendError(500, null);
      } else if (!exists(faces, viewId)) {
        faces.getExternalContext().responseSendError(404, null);
      } else {
        backToThePage(faces, viewId);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not answer a failed Portcullis page", e);
    }
    faces.responseComplete();
    return true;
  }

  /**
   * The database cannot be reached: 503 with the outage page (any page, the application's too: an
   * outage is not a bug of the page), or left to the next handler if the response is committed.
   */
  private static boolean outage(FacesContext faces, Throwable failure) {
    ExternalContext external = faces.getExternalContext();
    try {
      if (!CDI.current()
          .select(ServiceUnavailable.class)
          .get()
          .answer(
              (HttpServletRequest) external.getRequest(),
              (HttpServletResponse) external.getResponse(),
              failure)) {
        return false;
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not answer a Portcullis page during an outage", e);
    }
    faces.responseComplete();
    return true;
  }

  private static void backToThePage(FacesContext faces, String viewId) throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Messages messages = CDI.current().select(Messages.class).get();
    CDI.current()
        .select(Flash.class)
        .get()
        .add(request, messages.category("VIEW_EXPIRED"), messages.text("VIEW_EXPIRED"));
    String next = request.getParameter("next");
    String url =
        request.getContextPath()
            + viewId
            + (next == null || next.isEmpty()
                ? ""
                : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    external.redirect(url);
  }

  private static ViewExpiredException expired(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ViewExpiredException expired) {
        return expired;
      }
      if (!(t instanceof FacesException) && t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** The failed view: the restored one, else the one the request names. */
  private static String viewId(FacesContext faces) {
    if (faces.getViewRoot() != null && faces.getViewRoot().getViewId() != null) {
      return faces.getViewRoot().getViewId();
    }
    ExternalContext external = faces.getExternalContext();
    String path = external.getRequestServletPath();
    String info = external.getRequestPathInfo();
    return path == null ? null : path + (info == null ? "" : info);
  }

  /** Whether the view's file exists; Mojarra answers a missing one by throwing, sometimes. */
  private static boolean exists(FacesContext faces, String viewId) {
    try {
      return faces.getApplication().getResourceHandler().createViewResource(faces, viewId) != null;
    } catch (Exception e) { // FacesFileNotFoundException arrives unchecked from some paths
      return false;
    }
  }
}
