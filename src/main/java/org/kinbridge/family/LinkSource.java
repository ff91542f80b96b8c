package org.kinbridge.family;

/** Where a link came from: the roster (an import), a sync-key parent import, or an admin by hand. */
public enum LinkSource { ROSTER, SYNC_KEY, MANUAL }
