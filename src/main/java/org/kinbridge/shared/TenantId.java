package org.kinbridge.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one customer (a school or a trust); every query and every row is scoped by it. */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("A tenant id is 1 to 64 characters");
        }
    }

    public static TenantId newId() {
        return new TenantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
