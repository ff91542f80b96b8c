/**
 * Kinbridge's LTI 1.3 tool library, built on Nimbus JOSE+JWT: platform registrations (operator and
 * LTI Dynamic Registration), OIDC third-party login, id_token launch validation, the tool's own keys
 * and JWKS, and the launch-scoped panel session. It uses only {@code school} and {@code shared}, and
 * hands a validated launch to whoever implements {@link org.kinbridge.lti.launch.LaunchHandler}, so it
 * can be lifted out as a library. Specs: IMS LTI 1.3 Core, Security Framework 1.0, Dynamic Registration 1.0.
 */
package org.kinbridge.lti;
