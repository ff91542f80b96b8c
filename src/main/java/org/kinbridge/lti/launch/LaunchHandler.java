package org.kinbridge.lti.launch;

import jakarta.ws.rs.core.Response;

/**
 * Implemented by the application embedding this library: what a validated launch answers
 * (the panel page, the parent view, ...). The library knows nothing of the screens.
 */
public interface LaunchHandler {

    Response onLaunch(ValidatedLaunch launch);
}
