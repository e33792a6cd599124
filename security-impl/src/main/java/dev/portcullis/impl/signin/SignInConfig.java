package dev.portcullis.impl.signin;

/**
 * Settings of the sign-in replies.
 *
 * @param backwardsCompatAuthToken put the auth token in every sign-in reply, without {@code
 *     ?include_auth_token} ({@code security.backwards_compat_auth_token})
 */
public record SignInConfig(boolean backwardsCompatAuthToken) {}
