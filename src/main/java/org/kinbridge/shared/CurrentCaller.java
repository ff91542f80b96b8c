package org.kinbridge.shared;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** Holds the authenticated panel caller of the current request; set once by the web layer's filter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void authenticatedAs(Caller authenticated) {
        if (caller != null) {
            throw new IllegalStateException("The caller of a request is set once");
        }
        caller = authenticated;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /** The caller, for resources that only run behind the panel filter. */
    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("No panel caller on this request"));
    }
}
