/** Plumbing shared by the account-lifecycle features: their mails and link helpers. */
package dev.portcullis.impl.account;
