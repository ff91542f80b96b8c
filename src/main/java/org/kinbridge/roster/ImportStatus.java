package org.kinbridge.roster;

/** Where an import stands. HELD waits for an admin to confirm or discard a large removal. */
public enum ImportStatus { RUNNING, SUCCEEDED, FAILED, HELD, DISCARDED }
