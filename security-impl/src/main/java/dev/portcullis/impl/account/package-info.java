/**
 * Plumbing shared by the account-lifecycle features: their mails and link helpers, and the stand-in
 * accounts ({@link dev.portcullis.impl.account.Decoys}) that make generic responses cost the same
 * work as real ones.
 */
package dev.portcullis.impl.account;
