/**
 * Turns exceptions into answers: domain errors into CONTRACT.md's JSON {@code {"error","detail"}}
 * (or the plain-words HTML page under {@code /lti} and {@code /demo}), anything unexpected into a 500
 * with a log reference and no stack trace.
 */
package org.kinbridge.web.errors;
