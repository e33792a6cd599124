package dev.portcullis;

import java.util.Set;

/**
 * Thrown by Portcullis' interceptors when a CDI bean method annotated with {@link AuthRequired},
 * {@link RolesRequired} and the like is called without the required authentication or
 * authorization. JAX-RS resources never see it: Portcullis answers them with the JSON envelope
 * (401, 403 or 400) or a redirect. A Faces application can map it in its exception handler.
 *
 * <pre>{@code
 * try { reports.purge(); }
 * catch (AccessDeniedException e) { if (e.reason() == AccessDeniedException.Reason.UNAUTHORIZED) ... }
 * }</pre>
 */
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why access was denied. */
  public enum Reason {
    /** Nobody is signed in, or not by an accepted mechanism (401). */
    UNAUTHENTICATED,
    /** The last primary authentication is too old (401 {@code reauth_required}). */
    REAUTHENTICATION_REQUIRED,
    /** A role or permission is missing (403). */
    UNAUTHORIZED,
    /** The caller is signed in but the method is for anonymous callers only (400). */
    ANONYMOUS_REQUIRED
  }

  private final Reason reason;
  private final transient Set<Mechanism> acceptedMechanisms;

  /**
   * @param reason why access was denied
   * @param acceptedMechanisms the mechanisms the target accepts (decides {@code WWW-Authenticate})
   */
  public AccessDeniedException(Reason reason, Set<Mechanism> acceptedMechanisms) {
    super(reason.name());
    this.reason = reason;
    this.acceptedMechanisms = Set.copyOf(acceptedMechanisms);
  }

  /** Why access was denied. */
  public Reason reason() {
    return reason;
  }

  /** The mechanisms the protected target accepts. */
  public Set<Mechanism> acceptedMechanisms() {
    return acceptedMechanisms;
  }
}
