package org.kinbridge.school;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** No tenant has the id a request named. */
public class UnknownTenantException extends DomainException {

    public UnknownTenantException(String tenantId) {
        super(ProblemKind.NOT_FOUND, "unknown_tenant", "No tenant has the id " + tenantId + ".");
    }
}
