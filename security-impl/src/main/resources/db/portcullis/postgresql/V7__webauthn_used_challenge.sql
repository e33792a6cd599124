-- Portcullis WebAuthn single-use challenges, PostgreSQL 12+. Keep the h2/ and mysql/ twins of this file in step.
--
-- fs_wan_used_challenge: the SHA-256 (hex) of every WebAuthn challenge whose response was
-- accepted, until its state token would have expired anyway (epoch milliseconds). A response is
-- stored only by inserting its challenge here in the same transaction: a replayed assertion or
-- registration meets the primary key on every node and is refused. Expired rows are purged as new
-- ones are written.

CREATE TABLE fs_wan_used_challenge (
    challenge_hash VARCHAR(64) NOT NULL,
    expires_at BIGINT NOT NULL,
    CONSTRAINT pk_fs_wan_used_challenge PRIMARY KEY (challenge_hash)
);
CREATE INDEX ix_fs_wan_used_challenge_expires ON fs_wan_used_challenge (expires_at);
