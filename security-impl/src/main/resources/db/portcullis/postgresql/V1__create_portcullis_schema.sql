-- Portcullis schema, PostgreSQL 12+. Column names and sizes follow Flask-Security's fsqla_v3 reference
-- model plus fs_token_uniquifier, so a Flask-Security user table can be imported unchanged.
-- Keep the postgresql/ and mysql/ twins of this file in step.
--
-- Primary keys come from the portable JPA TABLE generator (portcullis_id_gen), never IDENTITY.
-- After importing rows with explicit ids, set gen_value to at least max(id) of the table.
-- Timestamps are naive UTC (as Flask-Security's naive_utcnow).

CREATE TABLE portcullis_id_gen (
    gen_name VARCHAR(64) NOT NULL,
    gen_value BIGINT NOT NULL,
    CONSTRAINT pk_portcullis_id_gen PRIMARY KEY (gen_name)
);
INSERT INTO portcullis_id_gen (gen_name, gen_value) VALUES ('fs_user', 0);
INSERT INTO portcullis_id_gen (gen_name, gen_value) VALUES ('fs_role', 0);
INSERT INTO portcullis_id_gen (gen_name, gen_value) VALUES ('fs_webauthn', 0);

CREATE TABLE fs_user (
    id BIGINT NOT NULL,
    email VARCHAR(255) NOT NULL,
    -- Lookup columns computed by the database: indexed case-insensitive lookups everywhere.
    email_lower VARCHAR(255) GENERATED ALWAYS AS (LOWER(email)) STORED,
    username VARCHAR(255),
    username_lower VARCHAR(255) GENERATED ALWAYS AS (LOWER(username)) STORED,
    password VARCHAR(255),
    active BOOLEAN NOT NULL,
    fs_uniquifier VARCHAR(64) NOT NULL,
    fs_token_uniquifier VARCHAR(64),
    fs_webauthn_user_handle VARCHAR(64),
    confirmed_at TIMESTAMP(6) WITHOUT TIME ZONE,
    last_login_at TIMESTAMP(6) WITHOUT TIME ZONE,
    current_login_at TIMESTAMP(6) WITHOUT TIME ZONE,
    last_login_ip VARCHAR(64),
    current_login_ip VARCHAR(64),
    login_count INTEGER,
    tf_primary_method VARCHAR(64),
    tf_totp_secret VARCHAR(255),
    tf_phone_number VARCHAR(128),
    us_totp_secrets TEXT,
    us_phone_number VARCHAR(128),
    mf_recovery_codes TEXT,
    create_datetime TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT (NOW() AT TIME ZONE 'UTC') NOT NULL,
    update_datetime TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT (NOW() AT TIME ZONE 'UTC') NOT NULL,
    CONSTRAINT pk_fs_user PRIMARY KEY (id),
    CONSTRAINT uq_fs_user_email UNIQUE (email),
    CONSTRAINT uq_fs_user_email_lower UNIQUE (email_lower),
    CONSTRAINT uq_fs_user_username UNIQUE (username),
    CONSTRAINT uq_fs_user_fs_uniquifier UNIQUE (fs_uniquifier),
    CONSTRAINT uq_fs_user_fs_token_uniquifier UNIQUE (fs_token_uniquifier),
    CONSTRAINT uq_fs_user_fs_webauthn_user_handle UNIQUE (fs_webauthn_user_handle),
    CONSTRAINT uq_fs_user_us_phone_number UNIQUE (us_phone_number)
);
CREATE INDEX ix_fs_user_username_lower ON fs_user (username_lower);

CREATE TABLE fs_role (
    id BIGINT NOT NULL,
    name VARCHAR(80) NOT NULL,
    description VARCHAR(255),
    permissions TEXT,
    update_datetime TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT (NOW() AT TIME ZONE 'UTC') NOT NULL,
    CONSTRAINT pk_fs_role PRIMARY KEY (id),
    CONSTRAINT uq_fs_role_name UNIQUE (name)
);

CREATE TABLE fs_roles_users (
    user_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    CONSTRAINT pk_fs_roles_users PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_fs_roles_users_user FOREIGN KEY (user_id) REFERENCES fs_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_fs_roles_users_role FOREIGN KEY (role_id) REFERENCES fs_role (id) ON DELETE CASCADE
);
CREATE INDEX ix_fs_roles_users_role_id ON fs_roles_users (role_id);

CREATE TABLE fs_webauthn (
    id BIGINT NOT NULL,
    credential_id BYTEA NOT NULL,
    public_key BYTEA NOT NULL,
    sign_count INTEGER DEFAULT 0,
    transports TEXT,
    backup_state BOOLEAN NOT NULL,
    device_type VARCHAR(64) NOT NULL,
    extensions VARCHAR(255),
    create_datetime TIMESTAMP(6) WITHOUT TIME ZONE DEFAULT (NOW() AT TIME ZONE 'UTC') NOT NULL,
    lastuse_datetime TIMESTAMP(6) WITHOUT TIME ZONE NOT NULL,
    name VARCHAR(64) NOT NULL,
    usage VARCHAR(64) NOT NULL,
    user_id BIGINT NOT NULL,
    CONSTRAINT pk_fs_webauthn PRIMARY KEY (id),
    CONSTRAINT uq_fs_webauthn_credential_id UNIQUE (credential_id),
    CONSTRAINT fk_fs_webauthn_user FOREIGN KEY (user_id) REFERENCES fs_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_fs_webauthn_user_id ON fs_webauthn (user_id);
