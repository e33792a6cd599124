package dev.portcullis.impl.feature;

/**
 * Whether an optional feature is on: each feature package produces one ({@code @Produces} on a
 * static method), read from its own configuration; {@link FeatureGate} collects them.
 *
 * <pre>{@code
 * @Produces
 * static FeatureFlag flag(AccountConfig config) {
 *   return new FeatureFlag(Feature.RECOVERABLE, config.recoverable());
 * }
 * }</pre>
 *
 * @param name the feature's name, as in {@link Feature.Gated}
 * @param enabled whether its endpoints and pages exist
 */
public record FeatureFlag(String name, boolean enabled) {}
