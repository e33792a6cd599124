-- Portcullis send bound per address, H2 2.x. Keep the postgresql/ and mysql/ twins of this file in step.
--
-- fs_mf_address_send: how many one-time codes were mailed or texted to one address since
-- period_start (unix seconds). The address is kept only as the hex SHA-256 of "email:<address>" or
-- "sms:<E.164 number>": the bound needs to recognise an address, not to read it. With
-- fs_mf_code_send (per user) it bounds sends both per user and per address, so a phone number typed
-- into many accounts' set-up is not flooded either.

CREATE TABLE fs_mf_address_send (
    address VARCHAR(64) NOT NULL,
    period_start BIGINT NOT NULL,
    sent INTEGER NOT NULL,
    CONSTRAINT pk_fs_mf_address_send PRIMARY KEY (address)
);
