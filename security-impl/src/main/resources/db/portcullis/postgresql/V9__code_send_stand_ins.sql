-- Portcullis stand-in send counters, PostgreSQL 12+. Keep the h2/ and mysql/ twins of this file in step.
--
-- fs_mf_stand_in_send: a fixed pool of 64 counter rows (slot 0-63, made here, never more) in the
-- shape of fs_mf_code_send. With security.return_generic_responses a code request for an identity
-- that gets no code (unknown, or without the method) locks and counts one of them, chosen by a
-- keyed hash of the typed identity, where a real send locks the user's row and counts the user's
-- fs_mf_code_send row: both answers then cost the same database work. The rows belong to no user
-- (no user id, not in the user table): they sign nobody in and are never counted as users. Their
-- counts decide nothing: the stand-in's limit is the count of the typed identity in
-- fs_mf_address_send, under an HMAC of it (not the SHA-256 of a real address), reached after as
-- many requests as a user's. Rows of fs_mf_address_send whose period is over are deleted now and
-- then, so rows of typed identities do not pile up.

CREATE TABLE fs_mf_stand_in_send (
    slot INTEGER NOT NULL,
    period_start BIGINT NOT NULL,
    sent INTEGER NOT NULL,
    CONSTRAINT pk_fs_mf_stand_in_send PRIMARY KEY (slot)
);

INSERT INTO fs_mf_stand_in_send (slot, period_start, sent) VALUES
    (0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0), (5, 0, 0), (6, 0, 0), (7, 0, 0),
    (8, 0, 0), (9, 0, 0), (10, 0, 0), (11, 0, 0), (12, 0, 0), (13, 0, 0), (14, 0, 0), (15, 0, 0),
    (16, 0, 0), (17, 0, 0), (18, 0, 0), (19, 0, 0), (20, 0, 0), (21, 0, 0), (22, 0, 0), (23, 0, 0),
    (24, 0, 0), (25, 0, 0), (26, 0, 0), (27, 0, 0), (28, 0, 0), (29, 0, 0), (30, 0, 0), (31, 0, 0),
    (32, 0, 0), (33, 0, 0), (34, 0, 0), (35, 0, 0), (36, 0, 0), (37, 0, 0), (38, 0, 0), (39, 0, 0),
    (40, 0, 0), (41, 0, 0), (42, 0, 0), (43, 0, 0), (44, 0, 0), (45, 0, 0), (46, 0, 0), (47, 0, 0),
    (48, 0, 0), (49, 0, 0), (50, 0, 0), (51, 0, 0), (52, 0, 0), (53, 0, 0), (54, 0, 0), (55, 0, 0),
    (56, 0, 0), (57, 0, 0), (58, 0, 0), (59, 0, 0), (60, 0, 0), (61, 0, 0), (62, 0, 0), (63, 0, 0);
