/**
 * Tenants: one customer each (a school or a trust/district) that owns its platforms, roster data,
 * accounts and links. Operators create them through the operator API. Uses only {@code shared}.
 */
package org.kinbridge.school;
