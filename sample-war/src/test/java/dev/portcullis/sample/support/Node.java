package dev.portcullis.sample.support;

import java.net.URL;

/** One server of a cluster a test builds by hand ({@link SampleNode}, {@link WildFlyNode}). */
public interface Node extends AutoCloseable {

  /** The sample's base URL on this node ({@code http://localhost:<port>/sample/}). */
  URL base();

  /** Stops the node and removes its folder. */
  @Override
  void close();
}
