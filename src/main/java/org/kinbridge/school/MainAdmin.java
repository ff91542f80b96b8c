package org.kinbridge.school;

import java.time.Instant;
import java.util.Optional;

/**
 * The tenant's main school admin: the one administrator who may link the school to other products.
 *
 * @param platformUserId the LTI {@code sub} the admin launches with
 * @param email          where link notices go; known once they have launched with an email claim
 * @param appointedBy    {@code operator}, {@code first admin launch}, or the previous main admin's name
 */
public record MainAdmin(String platformUserId, String name, Optional<String> email, Instant since, String appointedBy) {
}
