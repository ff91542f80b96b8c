/**
 * What a launch shows: the admin panel shell, the parent view and the explanation page for everyone
 * else, the panel's own API ({@code /api/panel}) and the static ES modules of the panel.
 */
package org.kinbridge.web.panel;
