/**
 * Demo mode ({@code --demo} or {@code KINBRIDGE_DEMO=true}): a demo school and a small built-in LMS
 * under {@code /demo/} that performs real LTI 1.3 launches (real keys, signed id_tokens, through
 * {@code /lti/login} and {@code /lti/launch}) into the panels, as an admin, a parent or a teacher.
 */
package org.kinbridge.web.demo;
