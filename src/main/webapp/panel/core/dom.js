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

/** @param {string} text @param {() => void} onClick @param {Record<string, string>} [attributes] */
export function button(text, onClick, attributes = {}) {
  const element = el('button', { type: 'button', ...attributes }, text);
  element.addEventListener('click', onClick);
  return element;
}

/** A table from header labels and rows of cells (strings or nodes). */
export function table(attributes, headers, rows) {
  return el('table', attributes,
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c ?? ''))))));
}

/** An error message in the panel's alert style. @param {Error} error */
export function alertOf(error) {
  return el('p', { class: 'notice error', role: 'alert' }, error.message);
}

/**
 * A drop zone with a file picker: hands the dropped or chosen file to {@code onFile}.
 * @param {{id: string, inputId: string, accept: string, text: string}} options
 * @param {(file: File) => void} onFile
 */
export function fileDrop({ id, inputId, accept, text }, onFile) {
  const input = el('input', { type: 'file', id: inputId, accept });
  const zone = el('div', { class: 'dropzone', id }, el('p', {}, text), input);
  const send = (file) => { if (file) onFile(file); };
  input.addEventListener('change', () => send(input.files[0]));
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    send(event.dataTransfer.files[0]);
  });
  return zone;
}
