/**
 * The LTI 1.3 launch: OIDC third-party initiated login ({@code /lti/login}), then id_token validation
 * at {@code /lti/launch} with every check of the IMS Security Framework, each refusing with a plain
 * sentence. A valid launch goes to the application's {@link org.kinbridge.lti.launch.LaunchHandler}.
 */
package org.kinbridge.lti.launch;
