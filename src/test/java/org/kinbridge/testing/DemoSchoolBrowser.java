package org.kinbridge.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fixture for panel tests on the demo school, registered with {@code @RegisterExtension} on a static field:
 * before the class's first test it gives the demo school the v1p1-bulk sample roster and starts one
 * headless Chromium, which it quits after the last. Runs after Arquillian's own extension, so the
 * deployment is up when the roster is imported.
 */
public final class DemoSchoolBrowser implements BeforeAllCallback, AfterAllCallback {

    public static final String SCHOOL = "demo";

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        new OperatorApi(new Http(), Deployments.baseUrl(), Deployments.operatorToken()).importSample(SCHOOL, "v1p1-bulk");
        browser = new Browser();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    public Browser browser() {
        return browser;
    }
}
