-- Portcullis mail outbox, MySQL 8.0.13+ and MariaDB 10.2+. Keep the h2/ and postgresql/ twins of
-- this file in step.
-- A rendered mail is inserted before the request that caused it completes and delivered from
-- here by a background worker (claimed_until: lease of the node sending it). Bodies are cleared
-- once sent (they hold live links) and sent rows are deleted after a week.
-- Bodies: MEDIUMTEXT (16 MiB), not TEXT, whose 64 KiB an HTML mail with inline styles can
-- exceed. Timestamps are naive UTC in DATETIME(6).

INSERT INTO portcullis_id_gen (gen_name, gen_value) VALUES ('fs_mail_outbox', 0);

CREATE TABLE fs_mail_outbox (
    id BIGINT NOT NULL,
    sender VARCHAR(320) NOT NULL,
    recipient VARCHAR(320) NOT NULL,
    subject VARCHAR(1000) NOT NULL,
    text_body MEDIUMTEXT,
    html_body MEDIUMTEXT,
    created_at DATETIME(6) NOT NULL,
    attempts INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at DATETIME(6) NOT NULL,
    sent_at DATETIME(6),
    claimed_until DATETIME(6),
    last_error VARCHAR(1000),
    CONSTRAINT pk_fs_mail_outbox PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- The sweep's query: unsent rows by due time.
CREATE INDEX ix_fs_mail_outbox_due ON fs_mail_outbox (sent_at, next_attempt_at);
