-- Portcullis throttle of failed secret checks, MySQL 8.0.13+ and MariaDB 10.2+. Keep the h2/ and postgresql/ twins of this file in step.
--
-- fs_throttle: one counter per subject (an account's password or codes, a typed identity that
-- names nobody, a client address): failures since the counter was last forgotten, the time of the
-- last one and the end of the current or last lockout (epoch milliseconds; 0 = never locked).
-- Kept in the database so every node counts together; rows are forgotten after a right password
-- or once stale. No foreign key: subjects are not only users.

CREATE TABLE fs_throttle (
    subject VARCHAR(100) NOT NULL,
    failures INTEGER NOT NULL,
    last_failure BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    CONSTRAINT pk_fs_throttle PRIMARY KEY (subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
