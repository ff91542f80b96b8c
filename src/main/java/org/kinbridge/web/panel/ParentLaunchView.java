package org.kinbridge.web.panel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.kinbridge.access.ParentAccess;
import org.kinbridge.access.parent.ParentView;
import org.kinbridge.lti.launch.ValidatedLaunch;

/**
 * The parent view for a Mentor launch whose {@code lis_person_sourcedid} is a rostered adult with an account:
 * accepts a pending invitation, then shows that adult's own children (or nothing, when access is off).
 * Empty when the launch names nobody Kinbridge has an account for.
 */
@ApplicationScoped
public class ParentLaunchView {

    @Inject
    private ParentAccess access;

    Optional<String> forLaunch(ValidatedLaunch launch, String school) {
        if (launch.personSourcedId().isEmpty()) {
            return Optional.empty();
        }
        String person = launch.personSourcedId().get();
        return access.enterByLaunch(launch.tenant(), person, launch.displayName()).map(allowed -> allowed
                ? ParentView.html(school, access.children(launch.tenant(), person))
                : ParentView.refused(school));
    }
}
