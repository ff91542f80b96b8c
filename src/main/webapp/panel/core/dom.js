// Tiny DOM helpers: build elements without innerHTML, so no data is ever parsed as markup.

/**
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node|string)} children
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/** @param {string} id @param {string} title @param {string} text */
export function emptyState(id, title, text) {
  return el('section', { id }, el('h2', {}, title), el('p', { class: 'empty' }, text));
}
