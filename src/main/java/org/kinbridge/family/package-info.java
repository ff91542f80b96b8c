/**
 * People and the parent-child links between them: which adult may see which student. {@link
 * org.kinbridge.family.LinkRules} holds DESIGN.md's "Link rules we hold to" as pure code over a compact
 * {@link org.kinbridge.family.FamilyTies}, so a whole district fits in memory. The feature may use
 * school and audit (the rules use only the JDK); it knows no accounts, no roster file formats, no screens.
 */
package org.kinbridge.family;
