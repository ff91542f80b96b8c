/**
 * Parent-account lifecycle (DESIGN.md "Parent-account lifecycle"): the states from NOT_ELIGIBLE to REVOKED,
 * the reasons engine that recomputes them after every roster import or link change, the Account Manager's
 * bulk actions and the welcome email. Uses family (reads links), mail (outbox, delivery events), audit,
 * school and shared; nothing else knows accounts.
 */
package org.kinbridge.access;
