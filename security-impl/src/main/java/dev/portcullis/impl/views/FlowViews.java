package dev.portcullis.impl.views;

import java.util.Optional;

/**
 * Where account-lifecycle flows send browsers and single-page apps (Flask-Security spec §2.5,
 * §0.1-7), and the Faces views of their pages.
 *
 * @param flashMessages {@code security.flash_messages}: show messages on the next HTML page
 * @param spa {@code security.redirect_behavior=spa}: mailed links redirect to the SPA views with
 *     query parameters
 * @param postRegisterView after registering
 * @param postConfirmView after confirming
 * @param confirmErrorView after a bad confirmation link
 * @param postResetView after a reset
 * @param resetView SPA page for a valid reset link
 * @param resetErrorView SPA page for a bad reset link
 * @param loginErrorView SPA page for a refused magic link
 * @param postChangeView after a password change
 * @param postChangeEmailView after confirming a new email
 * @param changeEmailErrorView after a bad change-email link
 * @param requiresConfirmationErrorView HTML: for unconfirmed users
 * @param registerTemplate Faces view: register
 * @param sendConfirmationTemplate Faces view: resend confirmation
 * @param forgotPasswordTemplate Faces view: forgot password
 * @param resetPasswordTemplate Faces view: reset password
 * @param changePasswordTemplate Faces view: change password
 * @param changeEmailTemplate Faces view: change email
 */
public record FlowViews(
    boolean flashMessages,
    boolean spa,
    Optional<String> postRegisterView,
    Optional<String> postConfirmView,
    Optional<String> confirmErrorView,
    Optional<String> postResetView,
    Optional<String> resetView,
    Optional<String> resetErrorView,
    Optional<String> loginErrorView,
    Optional<String> postChangeView,
    Optional<String> postChangeEmailView,
    Optional<String> changeEmailErrorView,
    Optional<String> requiresConfirmationErrorView,
    String registerTemplate,
    String sendConfirmationTemplate,
    String forgotPasswordTemplate,
    String resetPasswordTemplate,
    String changePasswordTemplate,
    String changeEmailTemplate) {}
