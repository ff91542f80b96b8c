/**
 * OneRoster CSV 1.1/1.2 (and Microsoft SDS v2.1) imports: upload, a background run that reads the
 * package twice (once to plan, once to apply), the mass-removal hold, and the import history with
 * per-row issues. Applying is one transaction, so a crash leaves the old truth or the new.
 * Uses school, family and audit; knows nothing of accounts or screens.
 */
package org.kinbridge.roster;
