/**
 * Password hashing and verification compatible with Flask-Security-Too's {@code utils.py} ({@code
 * hash_password}, {@code verify_and_update_password}, {@code get_hmac}) and the passlib {@code
 * CryptContext} it builds in {@code core.py} ({@code _get_pwd_context}).
 *
 * <p>{@link dev.portcullis.impl.password.PasswordHasher} is the only entry point; it is configured
 * by a {@link dev.portcullis.impl.password.PasswordConfig}. Hashes are read and written in
 * passlib's string formats so that a user table exported from a Flask-Security application verifies
 * unchanged. The cryptographic primitives come from maintained libraries (at.favre bcrypt,
 * BouncyCastle Argon2, the JDK's PBKDF2 and HMAC, commons-codec SHA-crypt and DES-crypt); the
 * classes here only encode and parse the string formats.
 *
 * <p>{@link dev.portcullis.impl.password.DefaultPasswordPolicy} is the default password policy
 * ({@code password_util.py}): length, breached passwords (range API or an offline copy), zxcvbn.
 */
package dev.portcullis.impl.password;
