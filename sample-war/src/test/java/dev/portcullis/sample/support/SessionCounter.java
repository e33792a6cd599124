package dev.portcullis.sample.support;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the server's live HTTP sessions (test deployment only), so tests can prove that a flood of
 * anonymous requests costs no server memory.
 */
@WebListener
public class SessionCounter implements HttpSessionListener {

  private static final AtomicInteger LIVE = new AtomicInteger();

  /** Sessions created and not yet destroyed. */
  public static int live() {
    return LIVE.get();
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    LIVE.incrementAndGet();
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    LIVE.decrementAndGet();
  }
}
