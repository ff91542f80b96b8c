/**
 * Tenants: one customer each (a school or a trust/district) that owns its platforms, roster data,
 * accounts and links; operators create them through the operator API. Also the tenant's main school
 * admin, the one administrator who may link the school to other products (audited through {@code audit}).
 * Uses only {@code shared} and {@code audit}.
 */
package org.kinbridge.school;
