-- Portcullis mail outbox, MySQL 8.0.13+ and MariaDB 10.2+: claims that ended without a result. Keep the twins of this file
-- in the other dialect folders in step.
-- A node that claimed a mail and stopped (killed, crashed) before recording the result may have
-- sent it. When its lease runs out, the next claim counts one unconfirmed delivery here; a mail
-- with one unconfirmed delivery is claimed at most once more, and a second claim that ends the
-- same way gives the mail up. So no mail is sent more than twice (issue 10).

ALTER TABLE fs_mail_outbox ADD COLUMN unconfirmed INTEGER DEFAULT 0 NOT NULL;
