/** Printable welcome letters: one PDF page per parent with the school, children, activation URL and one-time code (OpenPDF). */
package org.kinbridge.access.letters;
