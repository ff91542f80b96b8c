/**
 * Outgoing mail through a transactional outbox: a message is a row written in the same transaction as
 * the change that causes it, and a worker delivers it over Jakarta Mail with retries and backoff.
 * A leaf: it knows no feature; outcomes are announced as CDI events.
 */
package org.kinbridge.mail;
