/**
 * Multi-factor recovery codes (Flask-Security {@code recovery_codes.py}, spec §1.2 #15–#16, §2.11,
 * §5.11): generating a set, storing it in {@code mf_recovery_codes} as Flask-Security does
 * (comma-joined, each code plain or a Fernet token under {@code
 * security.multi_factor_recovery_codes_keys}) and redeeming one code once.
 */
package dev.portcullis.impl.recoverycodes;
