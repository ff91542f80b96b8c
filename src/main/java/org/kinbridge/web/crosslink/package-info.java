/**
 * What the application supplies to cross-product links from other features: the parent-account status of each
 * guardian in the feed (crosslink may not depend on access; both may be used from here).
 */
package org.kinbridge.web.crosslink;
