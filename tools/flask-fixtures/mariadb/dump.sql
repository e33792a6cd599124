-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: 127.0.0.1
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `role`
--

DROP TABLE IF EXISTS `role`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `role` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(80) NOT NULL,
  `description` varchar(255) DEFAULT NULL,
  `permissions` text DEFAULT NULL,
  `update_datetime` datetime NOT NULL DEFAULT current_timestamp(),
  PRIMARY KEY (`id`),
  UNIQUE KEY `name` (`name`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `role`
--

LOCK TABLES `role` WRITE;
/*!40000 ALTER TABLE `role` DISABLE KEYS */;
INSERT INTO `role` (`id`, `name`, `description`, `permissions`, `update_datetime`) VALUES (1,'admin','Administrators','admin-read,admin-write','2026-12-02 00:03:47');
INSERT INTO `role` (`id`, `name`, `description`, `permissions`, `update_datetime`) VALUES (2,'user','Users','user-read','2026-12-02 00:03:47');
INSERT INTO `role` (`id`, `name`, `description`, `permissions`, `update_datetime`) VALUES (3,'editor','Editors','content-edit','2026-12-02 00:03:47');
/*!40000 ALTER TABLE `role` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `roles_users`
--

DROP TABLE IF EXISTS `roles_users`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `roles_users` (
  `user_id` int(11) DEFAULT NULL,
  `role_id` int(11) DEFAULT NULL,
  KEY `user_id` (`user_id`),
  KEY `role_id` (`role_id`),
  CONSTRAINT `roles_users_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`),
  CONSTRAINT `roles_users_ibfk_2` FOREIGN KEY (`role_id`) REFERENCES `role` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `roles_users`
--

LOCK TABLES `roles_users` WRITE;
/*!40000 ALTER TABLE `roles_users` DISABLE KEYS */;
INSERT INTO `roles_users` (`user_id`, `role_id`) VALUES (1,1);
INSERT INTO `roles_users` (`user_id`, `role_id`) VALUES (1,2);
INSERT INTO `roles_users` (`user_id`, `role_id`) VALUES (2,2);
INSERT INTO `roles_users` (`user_id`, `role_id`) VALUES (4,2);
/*!40000 ALTER TABLE `roles_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `user`
--

DROP TABLE IF EXISTS `user`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `user` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  `active` tinyint(1) NOT NULL,
  `fs_uniquifier` varchar(64) NOT NULL,
  `confirmed_at` datetime DEFAULT NULL,
  `last_login_at` datetime DEFAULT NULL,
  `current_login_at` datetime DEFAULT NULL,
  `last_login_ip` varchar(64) DEFAULT NULL,
  `current_login_ip` varchar(64) DEFAULT NULL,
  `login_count` int(11) DEFAULT NULL,
  `tf_primary_method` varchar(64) DEFAULT NULL,
  `tf_totp_secret` varchar(255) DEFAULT NULL,
  `tf_phone_number` varchar(128) DEFAULT NULL,
  `create_datetime` datetime NOT NULL DEFAULT current_timestamp(),
  `update_datetime` datetime NOT NULL DEFAULT current_timestamp(),
  `username` varchar(255) DEFAULT NULL,
  `us_totp_secrets` text DEFAULT NULL,
  `fs_webauthn_user_handle` varchar(64) DEFAULT NULL,
  `mf_recovery_codes` text DEFAULT NULL,
  `password` varchar(255) DEFAULT NULL,
  `us_phone_number` varchar(128) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`),
  UNIQUE KEY `fs_uniquifier` (`fs_uniquifier`),
  UNIQUE KEY `username` (`username`),
  UNIQUE KEY `fs_webauthn_user_handle` (`fs_webauthn_user_handle`),
  UNIQUE KEY `us_phone_number` (`us_phone_number`)
) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `user`
--

LOCK TABLES `user` WRITE;
/*!40000 ALTER TABLE `user` DISABLE KEYS */;
INSERT INTO `user` (`id`, `email`, `active`, `fs_uniquifier`, `confirmed_at`, `last_login_at`, `current_login_at`, `last_login_ip`, `current_login_ip`, `login_count`, `tf_primary_method`, `tf_totp_secret`, `tf_phone_number`, `create_datetime`, `update_datetime`, `username`, `us_totp_secrets`, `fs_webauthn_user_handle`, `mf_recovery_codes`, `password`, `us_phone_number`) VALUES (1,'ann@example.com',1,'d78eab1c30be48668678e1b7237b7481','2024-01-15 09:30:00','2026-12-02 00:03:48','2026-12-02 00:03:48',NULL,'127.0.0.1',1,NULL,NULL,NULL,'2026-12-02 00:03:47','2026-12-02 00:03:48','ann',NULL,'acdf868992fb49ad81b1fb33b31c5415','1a2b-3c4d-5e6f,7a8b-9c0d-1e2f','$2b$12$ZWhk4GGxlWoGaEgw.84wDO3kZddNk/M/TU3Udd8FU8cOXEVUj1FwC',NULL);
INSERT INTO `user` (`id`, `email`, `active`, `fs_uniquifier`, `confirmed_at`, `last_login_at`, `current_login_at`, `last_login_ip`, `current_login_ip`, `login_count`, `tf_primary_method`, `tf_totp_secret`, `tf_phone_number`, `create_datetime`, `update_datetime`, `username`, `us_totp_secrets`, `fs_webauthn_user_handle`, `mf_recovery_codes`, `password`, `us_phone_number`) VALUES (2,'bob@example.com',1,'836fcd92525346e1b79a405217d6d1fb','2024-01-15 09:30:00',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02 00:03:47','2026-12-02 00:03:47','bob',NULL,'113bde0136304347b13978e0327269c0',NULL,'$pbkdf2-sha512$25000$jvHe.z9HaI3xPmdM6d2bUw$GdrVsa52RHpIdGjaSuDjper.TSSCpGcslckm824Fz8qqooRXnI8lZdDJsrm/WA4D2qd8KfSIIXCShFGyon3L0g',NULL);
INSERT INTO `user` (`id`, `email`, `active`, `fs_uniquifier`, `confirmed_at`, `last_login_at`, `current_login_at`, `last_login_ip`, `current_login_ip`, `login_count`, `tf_primary_method`, `tf_totp_secret`, `tf_phone_number`, `create_datetime`, `update_datetime`, `username`, `us_totp_secrets`, `fs_webauthn_user_handle`, `mf_recovery_codes`, `password`, `us_phone_number`) VALUES (4,'dan@example.com',0,'3b28b36a6da249b1a2d01e75bb8c85f3','2024-01-15 09:30:00','2026-12-02 00:03:49','2026-12-02 00:03:49',NULL,'127.0.0.1',1,NULL,NULL,NULL,'2026-12-02 00:03:48','2026-12-02 00:03:49',NULL,NULL,'51fdf43d01ec4478a325d02007b62928',NULL,'$2b$12$GUa7UkucCSXY5pgQR2694Os2uCpMvQ9Lt5l.2el4v9X36.rI68Qsy',NULL);
INSERT INTO `user` (`id`, `email`, `active`, `fs_uniquifier`, `confirmed_at`, `last_login_at`, `current_login_at`, `last_login_ip`, `current_login_ip`, `login_count`, `tf_primary_method`, `tf_totp_secret`, `tf_phone_number`, `create_datetime`, `update_datetime`, `username`, `us_totp_secrets`, `fs_webauthn_user_handle`, `mf_recovery_codes`, `password`, `us_phone_number`) VALUES (5,'eve@example.com',1,'16104a09f670458f9c067b1db237c184',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02 00:03:48','2026-12-02 00:03:48',NULL,NULL,'1556db09c8cb4ffaa301ac4db34c5d28',NULL,NULL,NULL);
INSERT INTO `user` (`id`, `email`, `active`, `fs_uniquifier`, `confirmed_at`, `last_login_at`, `current_login_at`, `last_login_ip`, `current_login_ip`, `login_count`, `tf_primary_method`, `tf_totp_secret`, `tf_phone_number`, `create_datetime`, `update_datetime`, `username`, `us_totp_secrets`, `fs_webauthn_user_handle`, `mf_recovery_codes`, `password`, `us_phone_number`) VALUES (6,'Fay@example.com',1,'af29b60976b844d28fd9baaff021cb6f','2024-01-15 09:30:00',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'2026-12-02 00:03:48','2026-12-02 00:03:48','Fay',NULL,'fd226d918fa74a409c0b5a66191b7bcb',NULL,'$2b$12$RcSZ8LTgzZhoiNuqCBPHJ.w.XxGMLg5lWBMOBNn9Cj2Gsmn/mWO3q','+15105551234');
/*!40000 ALTER TABLE `user` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `web_authn`
--

DROP TABLE IF EXISTS `web_authn`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `web_authn` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `credential_id` blob NOT NULL,
  `public_key` blob NOT NULL,
  `sign_count` int(11) DEFAULT NULL,
  `transports` text DEFAULT NULL,
  `backup_state` tinyint(1) NOT NULL,
  `device_type` varchar(64) NOT NULL,
  `extensions` varchar(255) DEFAULT NULL,
  `create_datetime` datetime NOT NULL DEFAULT current_timestamp(),
  `lastuse_datetime` datetime NOT NULL,
  `name` varchar(64) NOT NULL,
  `usage` varchar(64) NOT NULL,
  `user_id` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ix_web_authn_credential_id` (`credential_id`) USING HASH,
  KEY `user_id` (`user_id`),
  CONSTRAINT `web_authn_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `web_authn`
--

LOCK TABLES `web_authn` WRITE;
/*!40000 ALTER TABLE `web_authn` DISABLE KEYS */;
/*!40000 ALTER TABLE `web_authn` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed
