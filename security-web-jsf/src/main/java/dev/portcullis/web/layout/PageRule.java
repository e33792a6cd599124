package dev.portcullis.web.layout;

import java.util.Objects;
import java.util.Optional;

/**
 * What a Portcullis page requires, declared once next to its bean (as a static {@code @Produces}
 * method) and enforced by {@link PageGuard} before any bean code runs, on GET and on postback — the
 * Faces twin of the JSON API's feature gate and access annotations.
 *
 * <pre>{@code
 * @Produces
 * static PageRule page(FlowViews views) {
 *   return PageRule.of(views.forgotPasswordTemplate(), Feature.RECOVERABLE, PageAccess.ANONYMOUS);
 * }
 * }</pre>
 *
 * @param viewId the Faces view id, e.g. {@code /security/forgot_password.xhtml}
 * @param feature the name of the feature the page belongs to ({@code Feature.Gated}); a disabled
 *     feature's page is a 404
 * @param access who may see the page
 */
public record PageRule(String viewId, Optional<String> feature, PageAccess access) {

  /** Checks the parts. */
  public PageRule {
    Objects.requireNonNull(viewId, "viewId");
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(access, "access");
  }

  /** A page of an optional feature. */
  public static PageRule of(String viewId, String feature, PageAccess access) {
    return new PageRule(viewId, Optional.of(feature), access);
  }

  /** A page that always exists. */
  public static PageRule always(String viewId, PageAccess access) {
    return new PageRule(viewId, Optional.empty(), access);
  }
}
