package org.kinbridge.mail;

/**
 * PENDING until delivered (SENT) or given up on after the last retry (FAILED); CANCELLED when what caused it
 * withdrew it before it went.
 */
public enum OutboxStatus { PENDING, SENT, FAILED, CANCELLED }
