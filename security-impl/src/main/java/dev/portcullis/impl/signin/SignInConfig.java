package dev.portcullis.impl.signin;

/**
 * Settings of the sign-in replies.
 *
 * @param backwardsCompatAuthToken put the auth token in every sign-in reply, without {@code
 *     ?include_auth_token} ({@code security.backwards_compat_auth_token})
 * @param selectView the Faces view where a browser selects among several second factors ({@code
 *     security.two_factor_select_template})
 */
public record SignInConfig(boolean backwardsCompatAuthToken, String selectView) {}
