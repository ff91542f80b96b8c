/**
 * The launch-scoped panel session: a short-lived signed bearer token, bound to tenant, platform user,
 * OneRoster person and role, that the panel's API calls carry because third-party cookies are not
 * reliable inside the LMS iframe.
 */
package org.kinbridge.lti.session;
