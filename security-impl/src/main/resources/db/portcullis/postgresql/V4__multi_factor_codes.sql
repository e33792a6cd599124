-- Portcullis multi-factor bookkeeping, PostgreSQL 12+. Keep the h2/ and mysql/ twins of this file in step.
--
-- fs_mf_used_step: the time step (unix time / 30) of the last one-time code accepted per user and
-- method, so that a code is accepted once, on every node: a code is only accepted for a later
-- step, and the update that records it is conditional on that. Flask-Security keeps no such
-- record (a code works again within its window); its tables are left as they are.
-- fs_mf_code_send: how many codes were mailed or texted to a user since period_start (unix
-- seconds), the bound on sending.
-- No foreign key to the user table: with security.datastore_schema=fsqla_v3 the users live in
-- Flask-Security's table under its own name. Deleting a user deletes its rows here.

CREATE TABLE fs_mf_used_step (
    user_id BIGINT NOT NULL,
    method VARCHAR(64) NOT NULL,
    last_step BIGINT NOT NULL,
    CONSTRAINT pk_fs_mf_used_step PRIMARY KEY (user_id, method)
);

CREATE TABLE fs_mf_code_send (
    user_id BIGINT NOT NULL,
    period_start BIGINT NOT NULL,
    sent INTEGER NOT NULL,
    CONSTRAINT pk_fs_mf_code_send PRIMARY KEY (user_id)
);
