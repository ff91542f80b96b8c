/**
 * The screens and the REST plumbing: the JAX-RS application, authentication filters for the operator
 * token and the panel token, security headers, the mapping of domain errors onto HTTP, the pages a
 * launch answers and the static panel modules. Uses every feature; nothing uses it.
 */
package org.kinbridge.web;
