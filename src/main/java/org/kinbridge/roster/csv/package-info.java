/**
 * Reading a OneRoster 1.0/1.1/1.2 CSV package (and Microsoft SDS v2.1 CSV) as found in the wild: a zip
 * or a folder, its manifest, and users, roles, relationships and orgs streamed row by row with columns
 * mapped by header name. A broken package is refused whole; a bad row becomes an {@link
 * org.kinbridge.roster.csv.ImportIssue}. No JPA, no CDI: the importer around it owns transactions.
 * Uses shared and family (to hand rows to the link rules); knows no screens and no accounts.
 */
package org.kinbridge.roster.csv;
