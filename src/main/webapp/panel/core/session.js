// The launch-scoped panel session: the token and base URL the launch page carries in <meta> tags.

/** @param {string} name */
function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? element.getAttribute('content') : '';
}

export const session = Object.freeze({
  token: meta('kb-token'),
  base: meta('kb-base'),
});
