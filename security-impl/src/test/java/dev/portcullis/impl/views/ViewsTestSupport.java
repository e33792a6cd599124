package dev.portcullis.impl.views;

/** Builds this package's CDI beans outside a container, for service tests in other packages. */
public final class ViewsTestSupport {

  private ViewsTestSupport() {}

  /** Redirect validation over {@code config}. */
  public static Redirects redirects(RedirectConfig config) {
    return new Redirects(config);
  }
}
