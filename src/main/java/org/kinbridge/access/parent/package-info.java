/**
 * The parent's side of access: the activation page (single-use link or printed code, password with a
 * strength check), password sign-in to a server-side session, and the parent's own view of their linked
 * children. A parent sees only their own children; a restricted or suspended adult never gets in. Every form
 * carries a per-form CSRF token; failed sign-ins and codes are counted by the access package's SignInGuard.
 */
package org.kinbridge.access.parent;
