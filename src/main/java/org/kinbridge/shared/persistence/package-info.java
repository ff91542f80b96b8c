/**
 * The database plumbing every feature stands on: the application datasource (embedded H2 by default,
 * PostgreSQL in production), Flyway migrations run at start-up, and a cluster-wide start-up lock.
 */
package org.kinbridge.shared.persistence;
