package dev.portcullis.impl.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires Portcullis' events (the Flask signals) both synchronously and asynchronously, so
 * applications can use {@code @Observes} or {@code @ObservesAsync}. Called by services after their
 * change is committed. A failing synchronous observer is logged and does not undo the change.
 */
@ApplicationScoped
public class EventPublisher {

  private static final Logger LOG = Logger.getLogger(EventPublisher.class.getName());

  private Event<Object> events;

  /** For CDI. */
  protected EventPublisher() {}

  @Inject
  EventPublisher(Event<Object> events) {
    this.events = events;
  }

  /** Fires an event record to synchronous and asynchronous observers. */
  public void publish(Object event) {
    Event<Object> selected = events.select(event.getClass().asSubclass(Object.class));
    try {
      selected.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "An observer of " + event.getClass().getSimpleName() + " failed", e);
    }
    selected.fireAsync(event);
  }
}
