package org.kinbridge.testing;

/**
 * A school as most panel tests start from it: a new tenant, the test LMS registered for it, and the panel token of
 * the admin it has just launched. Closing it stops the LMS.
 */
public record LaunchedSchool(String tenant, TestPlatform platform, String adminToken) implements AutoCloseable {

    /** Creates the school through the operator API and launches its admin from the LMS admin menu. */
    static LaunchedSchool create(OperatorApi operator, LtiFlow lti, String name) {
        String tenant = operator.createTenant(name);
        TestPlatform platform = new TestPlatform();
        try {
            operator.registerPlatform(tenant, platform);
            return new LaunchedSchool(tenant, platform, LtiFlow.panelToken(lti.loginAndLaunch(platform, IdToken::signed)));
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
