-- Portcullis mail outbox, H2 2.x. Keep the postgresql/ and mysql/ twins of this file in step.
-- A rendered mail is inserted before the request that caused it completes and delivered from
-- here by a background worker (claimed_until: lease of the node sending it). Bodies are cleared
-- once sent (they hold live links) and sent rows are deleted after a week.
-- Bodies: CHARACTER VARYING without a length (up to 1,048,576 characters in H2 2.x, plenty for a
-- mail; mapped as a plain String like the other text columns). Timestamps are naive UTC.

INSERT INTO portcullis_id_gen (gen_name, gen_value) VALUES ('fs_mail_outbox', 0);

CREATE TABLE fs_mail_outbox (
    id BIGINT NOT NULL,
    sender VARCHAR(320) NOT NULL,
    recipient VARCHAR(320) NOT NULL,
    subject VARCHAR(1000) NOT NULL,
    text_body CHARACTER VARYING,
    html_body CHARACTER VARYING,
    created_at TIMESTAMP(6) NOT NULL,
    attempts INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    sent_at TIMESTAMP(6),
    claimed_until TIMESTAMP(6),
    last_error VARCHAR(1000),
    CONSTRAINT pk_fs_mail_outbox PRIMARY KEY (id)
);
-- The sweep's query: unsent rows by due time.
CREATE INDEX ix_fs_mail_outbox_due ON fs_mail_outbox (sent_at, next_attempt_at);
