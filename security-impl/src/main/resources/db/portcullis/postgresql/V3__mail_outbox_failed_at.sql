-- Portcullis mail outbox, PostgreSQL 12+: when the outbox gave up on a mail. Keep the h2/ and
-- mysql/ twins of this file in step.
-- A mail whose attempts are exhausted gets failed_at and loses its bodies at once (they hold live
-- links); the row itself is deleted after security.mail_outbox_failed_retention. Rows that gave
-- up before this column existed are found by their attempt count and treated the same way by the
-- next sweep (the limit is configuration, not known here).

ALTER TABLE fs_mail_outbox ADD COLUMN failed_at TIMESTAMP(6) WITHOUT TIME ZONE;
