package org.kinbridge.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the in-container tests deploy: the WAR the build just packaged, exactly as it ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive kinbridgeWar() {
        File war = new File(System.getProperty("kinbridge.war", "target/kinbridge.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Run the tests through 'mvn verify': " + war + " is built in the package phase");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /** The base URL Kinbridge was started with (its context root is the WAR's name). */
    public static String baseUrl() {
        return System.getProperty("kb.test.base.url");
    }

    public static String operatorToken() {
        return "test-operator-token";
    }
}
