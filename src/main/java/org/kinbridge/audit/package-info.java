/**
 * The append-only record of who did what to whom, when: entries are written in the transaction of
 * the change they record and never updated or deleted. A leaf: it knows no other feature.
 */
package org.kinbridge.audit;
