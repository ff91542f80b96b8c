/**
 * Parent CSV imports keyed by a synchronisation field, the itslearning way: each row is one parent,
 * found again on the next import by its sync value, linked to the children its row names (by internal
 * id, OneRoster sourcedId or identifier, or username). A preview says what would change; applying is one
 * transaction that audits every link change. Uses family, school and audit; knows no accounts or screens.
 */
package org.kinbridge.family.synckey;
