--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: flask_fixture; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA flask_fixture;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: role; Type: TABLE; Schema: flask_fixture; Owner: -
--

CREATE TABLE flask_fixture.role (
    id integer NOT NULL,
    name character varying(80) NOT NULL,
    description character varying(255),
    permissions text,
    update_datetime timestamp without time zone DEFAULT now() NOT NULL
);


--
-- Name: role_id_seq; Type: SEQUENCE; Schema: flask_fixture; Owner: -
--

CREATE SEQUENCE flask_fixture.role_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: role_id_seq; Type: SEQUENCE OWNED BY; Schema: flask_fixture; Owner: -
--

ALTER SEQUENCE flask_fixture.role_id_seq OWNED BY flask_fixture.role.id;


--
-- Name: roles_users; Type: TABLE; Schema: flask_fixture; Owner: -
--

CREATE TABLE flask_fixture.roles_users (
    user_id integer,
    role_id integer
);


--
-- Name: user; Type: TABLE; Schema: flask_fixture; Owner: -
--

CREATE TABLE flask_fixture."user" (
    id integer NOT NULL,
    email character varying(255) NOT NULL,
    active boolean NOT NULL,
    fs_uniquifier character varying(64) NOT NULL,
    confirmed_at timestamp without time zone,
    last_login_at timestamp without time zone,
    current_login_at timestamp without time zone,
    last_login_ip character varying(64),
    current_login_ip character varying(64),
    login_count integer,
    tf_primary_method character varying(64),
    tf_totp_secret character varying(255),
    tf_phone_number character varying(128),
    create_datetime timestamp without time zone DEFAULT now() NOT NULL,
    update_datetime timestamp without time zone DEFAULT now() NOT NULL,
    username character varying(255),
    us_totp_secrets text,
    fs_webauthn_user_handle character varying(64),
    mf_recovery_codes text,
    password character varying(255),
    us_phone_number character varying(128)
);


--
-- Name: user_id_seq; Type: SEQUENCE; Schema: flask_fixture; Owner: -
--

CREATE SEQUENCE flask_fixture.user_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: user_id_seq; Type: SEQUENCE OWNED BY; Schema: flask_fixture; Owner: -
--

ALTER SEQUENCE flask_fixture.user_id_seq OWNED BY flask_fixture."user".id;


--
-- Name: web_authn; Type: TABLE; Schema: flask_fixture; Owner: -
--

CREATE TABLE flask_fixture.web_authn (
    id integer NOT NULL,
    credential_id bytea NOT NULL,
    public_key bytea NOT NULL,
    sign_count integer,
    transports text,
    backup_state boolean NOT NULL,
    device_type character varying(64) NOT NULL,
    extensions character varying(255),
    create_datetime timestamp without time zone DEFAULT now() NOT NULL,
    lastuse_datetime timestamp without time zone NOT NULL,
    name character varying(64) NOT NULL,
    usage character varying(64) NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: web_authn_id_seq; Type: SEQUENCE; Schema: flask_fixture; Owner: -
--

CREATE SEQUENCE flask_fixture.web_authn_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: web_authn_id_seq; Type: SEQUENCE OWNED BY; Schema: flask_fixture; Owner: -
--

ALTER SEQUENCE flask_fixture.web_authn_id_seq OWNED BY flask_fixture.web_authn.id;


--
-- Name: role id; Type: DEFAULT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.role ALTER COLUMN id SET DEFAULT nextval('flask_fixture.role_id_seq'::regclass);


--
-- Name: user id; Type: DEFAULT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user" ALTER COLUMN id SET DEFAULT nextval('flask_fixture.user_id_seq'::regclass);


--
-- Name: web_authn id; Type: DEFAULT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.web_authn ALTER COLUMN id SET DEFAULT nextval('flask_fixture.web_authn_id_seq'::regclass);


--
-- Data for Name: role; Type: TABLE DATA; Schema: flask_fixture; Owner: -
--

INSERT INTO flask_fixture.role (id, name, description, permissions, update_datetime) VALUES (1, 'admin', 'Administrators', 'admin-read,admin-write', '2026-12-02 00:03:43.264758');
INSERT INTO flask_fixture.role (id, name, description, permissions, update_datetime) VALUES (2, 'user', 'Users', 'user-read', '2026-12-02 00:03:43.264758');
INSERT INTO flask_fixture.role (id, name, description, permissions, update_datetime) VALUES (3, 'editor', 'Editors', 'content-edit', '2026-12-02 00:03:43.264758');


--
-- Data for Name: roles_users; Type: TABLE DATA; Schema: flask_fixture; Owner: -
--

INSERT INTO flask_fixture.roles_users (user_id, role_id) VALUES (1, 1);
INSERT INTO flask_fixture.roles_users (user_id, role_id) VALUES (1, 2);
INSERT INTO flask_fixture.roles_users (user_id, role_id) VALUES (2, 2);
INSERT INTO flask_fixture.roles_users (user_id, role_id) VALUES (4, 2);


--
-- Data for Name: user; Type: TABLE DATA; Schema: flask_fixture; Owner: -
--

INSERT INTO flask_fixture."user" (id, email, active, fs_uniquifier, confirmed_at, last_login_at, current_login_at, last_login_ip, current_login_ip, login_count, tf_primary_method, tf_totp_secret, tf_phone_number, create_datetime, update_datetime, username, us_totp_secrets, fs_webauthn_user_handle, mf_recovery_codes, password, us_phone_number) VALUES (2, 'bob@example.com', true, 'eae401bb67fe4769b2bcef8f19d6eab4', '2024-01-15 09:30:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-02 00:03:43.264758', '2026-12-02 00:03:43.264758', 'bob', NULL, 'fad974abad754c97b7ae845a2201f756', NULL, '$pbkdf2-sha512$25000$hZCS8l5rTckZo/T.n3OOUQ$ZttXsDCwdAabojCOuffP99XQW.2fulx8mAz9UJMXQmBA/jbkT51Jlp2TNRM3WWTo.Imn9fY0khMywGboiYZ05g', NULL);
INSERT INTO flask_fixture."user" (id, email, active, fs_uniquifier, confirmed_at, last_login_at, current_login_at, last_login_ip, current_login_ip, login_count, tf_primary_method, tf_totp_secret, tf_phone_number, create_datetime, update_datetime, username, us_totp_secrets, fs_webauthn_user_handle, mf_recovery_codes, password, us_phone_number) VALUES (5, 'eve@example.com', true, 'cbb2f79e21b545f7981de42b79eacf2a', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-02 00:03:44.352754', '2026-12-02 00:03:44.352754', NULL, NULL, '1e97bd61bf194aa49d87c983e290c10c', NULL, NULL, NULL);
INSERT INTO flask_fixture."user" (id, email, active, fs_uniquifier, confirmed_at, last_login_at, current_login_at, last_login_ip, current_login_ip, login_count, tf_primary_method, tf_totp_secret, tf_phone_number, create_datetime, update_datetime, username, us_totp_secrets, fs_webauthn_user_handle, mf_recovery_codes, password, us_phone_number) VALUES (6, 'Fay@example.com', true, '4a7beb025e3c47078112876c946509f2', '2024-01-15 09:30:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-12-02 00:03:44.352754', '2026-12-02 00:03:44.352754', 'Fay', NULL, 'd7f9a7a30d144d8b91640b1aa52c6589', NULL, '$2b$12$HIzV/trVKtL3FgxK6uola.dB2/ofVo2DxLoVtV00CXq5khGNyyi.e', '+15105551234');
INSERT INTO flask_fixture."user" (id, email, active, fs_uniquifier, confirmed_at, last_login_at, current_login_at, last_login_ip, current_login_ip, login_count, tf_primary_method, tf_totp_secret, tf_phone_number, create_datetime, update_datetime, username, us_totp_secrets, fs_webauthn_user_handle, mf_recovery_codes, password, us_phone_number) VALUES (1, 'ann@example.com', true, 'bfb57f60c11341979a01ecee8eb986b6', '2024-01-15 09:30:00', '2026-12-02 00:03:45.222307', '2026-12-02 00:03:45.222307', NULL, '127.0.0.1', 1, NULL, NULL, NULL, '2026-12-02 00:03:43.264758', '2026-12-02 00:03:45.248686', 'ann', NULL, 'ca7079aade26461bb696eef24975f9bb', '1a2b-3c4d-5e6f,7a8b-9c0d-1e2f', '$2b$12$DDhjjD1WJCY0FODEISK2POPylLvmul/9X0zU39aZ.E/HNWSO3Xr7C', NULL);
INSERT INTO flask_fixture."user" (id, email, active, fs_uniquifier, confirmed_at, last_login_at, current_login_at, last_login_ip, current_login_ip, login_count, tf_primary_method, tf_totp_secret, tf_phone_number, create_datetime, update_datetime, username, us_totp_secrets, fs_webauthn_user_handle, mf_recovery_codes, password, us_phone_number) VALUES (4, 'dan@example.com', false, '0b6a800f5922447089efe998e838d4b2', '2024-01-15 09:30:00', '2026-12-02 00:03:45.779788', '2026-12-02 00:03:45.779788', NULL, '127.0.0.1', 1, NULL, NULL, NULL, '2026-12-02 00:03:44.352754', '2026-12-02 00:03:45.816925', NULL, NULL, 'c7b2a57c3da846a0b3dc603bffe07417', NULL, '$2b$12$kSQMbXc8lVvLrVv6go99JOEvV9xXPCkaMKvjFBY1qpx/w4Aam3hEO', NULL);


--
-- Data for Name: web_authn; Type: TABLE DATA; Schema: flask_fixture; Owner: -
--



--
-- Name: role_id_seq; Type: SEQUENCE SET; Schema: flask_fixture; Owner: -
--

SELECT pg_catalog.setval('flask_fixture.role_id_seq', 3, true);


--
-- Name: user_id_seq; Type: SEQUENCE SET; Schema: flask_fixture; Owner: -
--

SELECT pg_catalog.setval('flask_fixture.user_id_seq', 6, true);


--
-- Name: web_authn_id_seq; Type: SEQUENCE SET; Schema: flask_fixture; Owner: -
--

SELECT pg_catalog.setval('flask_fixture.web_authn_id_seq', 1, false);


--
-- Name: role role_name_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.role
    ADD CONSTRAINT role_name_key UNIQUE (name);


--
-- Name: role role_pkey; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.role
    ADD CONSTRAINT role_pkey PRIMARY KEY (id);


--
-- Name: user user_email_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_email_key UNIQUE (email);


--
-- Name: user user_fs_uniquifier_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_fs_uniquifier_key UNIQUE (fs_uniquifier);


--
-- Name: user user_fs_webauthn_user_handle_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_fs_webauthn_user_handle_key UNIQUE (fs_webauthn_user_handle);


--
-- Name: user user_pkey; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);


--
-- Name: user user_us_phone_number_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_us_phone_number_key UNIQUE (us_phone_number);


--
-- Name: user user_username_key; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture."user"
    ADD CONSTRAINT user_username_key UNIQUE (username);


--
-- Name: web_authn web_authn_pkey; Type: CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.web_authn
    ADD CONSTRAINT web_authn_pkey PRIMARY KEY (id);


--
-- Name: ix_web_authn_credential_id; Type: INDEX; Schema: flask_fixture; Owner: -
--

CREATE UNIQUE INDEX ix_web_authn_credential_id ON flask_fixture.web_authn USING btree (credential_id);


--
-- Name: roles_users roles_users_role_id_fkey; Type: FK CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.roles_users
    ADD CONSTRAINT roles_users_role_id_fkey FOREIGN KEY (role_id) REFERENCES flask_fixture.role(id);


--
-- Name: roles_users roles_users_user_id_fkey; Type: FK CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.roles_users
    ADD CONSTRAINT roles_users_user_id_fkey FOREIGN KEY (user_id) REFERENCES flask_fixture."user"(id);


--
-- Name: web_authn web_authn_user_id_fkey; Type: FK CONSTRAINT; Schema: flask_fixture; Owner: -
--

ALTER TABLE ONLY flask_fixture.web_authn
    ADD CONSTRAINT web_authn_user_id_fkey FOREIGN KEY (user_id) REFERENCES flask_fixture."user"(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


