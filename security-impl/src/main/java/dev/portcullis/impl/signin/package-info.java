/**
 * The one sign-in pipeline (DESIGN §2.1): every way of proving who you are — password login,
 * auto-login after register, confirm or reset, and later unified sign-in, WebAuthn and OAuth — ends
 * in {@link dev.portcullis.impl.signin.SignIn#complete}, which answers {@link
 * dev.portcullis.impl.signin.SignInResult.SignedIn} or {@link
 * dev.portcullis.impl.signin.SignInResult.SecondFactorRequired}. Session renewal, remember-me,
 * tracking, the freshness anchor and the {@code UserAuthenticated} event happen here and nowhere
 * else; {@link dev.portcullis.impl.signin.SignInReplies} is the one JSON rendering of the result.
 *
 * <p>Ports Flask-Security's {@code utils.login_user} together with the decision of {@code
 * tf_plugin.tf_enter} (spec §7.1, §7.2). A second factor plugs in as a {@link
 * dev.portcullis.impl.signin.SecondFactor} bean; the pipeline asks every one of them.
 *
 * <p>May use: {@code authentication} (sessions, cookies), {@code token}, {@code events}, the store
 * SPIs. Must not use any feature package.
 */
package dev.portcullis.impl.signin;
