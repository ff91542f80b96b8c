package org.kinbridge.shared.persistence;

/** Fired once at start-up when the schema is current; observers do their start-up work then. */
public record DatabaseReady() {
}
