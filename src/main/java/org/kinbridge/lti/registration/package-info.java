/**
 * Which LMS platforms may launch Kinbridge, per tenant: a registration is identified by issuer and
 * client_id and lists its deployment ids. Operators add them directly or hand an LMS admin a one-time
 * LTI Dynamic Registration link that lands the registration in their tenant.
 */
package org.kinbridge.lti.registration;
