/**
 * The few types every feature needs: {@link org.kinbridge.shared.TenantId}, the caller of a request,
 * the kinds of domain error, the clock and secure random tokens. Knows no feature.
 */
package org.kinbridge.shared;
