package org.kinbridge.lti.registration;

/** Fired when a platform registration is added, so caches of platform origins can refresh. */
public record PlatformsChanged() {
}
