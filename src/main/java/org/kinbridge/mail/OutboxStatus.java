package org.kinbridge.mail;

/** PENDING until delivered (SENT) or given up on after the last retry (FAILED). */
public enum OutboxStatus { PENDING, SENT, FAILED }
