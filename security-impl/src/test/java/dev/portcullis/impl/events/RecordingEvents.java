package dev.portcullis.impl.events;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A CDI {@link Event} outside a container that records what is fired, and an {@link EventPublisher}
 * over it, so service tests can check which Portcullis events a call fires. Asynchronous firings
 * complete at once and are not recorded twice.
 */
public final class RecordingEvents implements Event<Object> {

  private final List<Object> fired = new ArrayList<>();

  /** A publisher whose events land here. */
  public EventPublisher publisher() {
    return new EventPublisher(this);
  }

  /** Every event fired, oldest first. */
  public synchronized List<Object> all() {
    return List.copyOf(fired);
  }

  /** The events of one type, oldest first. */
  public synchronized <T> List<T> of(Class<T> type) {
    return fired.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public synchronized void fire(Object event) {
    fired.add(event);
  }

  @Override
  public <U> CompletionStage<U> fireAsync(U event) {
    return CompletableFuture.completedFuture(event);
  }

  @Override
  public <U> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    return CompletableFuture.completedFuture(event);
  }

  @Override
  public Event<Object> select(Annotation... qualifiers) {
    return this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <U> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    return (Event<U>) this;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <U> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    return (Event<U>) this;
  }
}
