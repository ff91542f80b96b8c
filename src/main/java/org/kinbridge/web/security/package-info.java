/**
 * Who may call what: the operator API ({@code /api/v1}) needs the operator bearer token, the panel API
 * ({@code /api/panel}) a launch-scoped panel token; every response gets our security headers.
 */
package org.kinbridge.web.security;
