/**
 * Two-factor sign-in by code (Flask-Security {@code twofactor.py}, {@code tf_plugin.py} and the
 * two-factor views of {@code views.py}; spec §1.2 #11–#14, §2.10, §5.6, §5.7, §7.2–§7.4): the code
 * plug-in of the sign-in pipeline ({@link dev.portcullis.impl.twofactor.CodeSecondFactor}), set-up,
 * validation, rescue and selection ({@code /tf-setup}, {@code /tf-validate}, {@code /tf-rescue},
 * {@code /tf-select}), codes by authenticator app, mail and SMS, and the {@code tf_validity}
 * remember-this-device cookie.
 *
 * <p>The state machine's state lives in the session ({@link
 * dev.portcullis.impl.twofactor.TwoFactorState}); the user's method and secret are stored as
 * Flask-Security stores them, so users keep their authenticator across a move in either direction.
 * Beyond Flask-Security, a code is accepted once on every node, sends and wrong codes are bounded.
 *
 * <p>May use: {@code signin} (the pipeline), {@code totp}, {@code sms}, {@code mail}, {@code
 * token}, {@code persistence} (the user entity), the shared plumbing. Must not use other feature
 * packages.
 */
package dev.portcullis.impl.twofactor;
