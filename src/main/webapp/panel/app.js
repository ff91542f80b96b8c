// Kinbridge admin panel entry: loads who is signed in, then shows the section named in the URL hash.
// Sections are feature folders (families/, accounts/, imports/, crosslink/), each exporting a view.
import { api } from './core/api.js';
import { el } from './core/dom.js';
import { familiesView } from './families/view.js';
import { accountsView } from './accounts/view.js';
import { importsView } from './imports/view.js';
import { linkedProductsView } from './crosslink/view.js';
import { auditView } from './audit/view.js';

const sections = {
  families: familiesView,
  accounts: accountsView,
  imports: importsView,
  'linked-products': linkedProductsView,
  audit: auditView,
};

const view = document.getElementById('kb-view');

async function show(name) {
  const section = sections[name] ? name : 'families';
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    view.replaceChildren(await sections[section]());
  } catch (error) {
    view.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, error.message));
  }
}

async function start() {
  try {
    const me = await api('me');
    document.body.dataset.tenant = me.tenantId;
    document.getElementById('kb-admin')?.setAttribute('data-ready', 'true');
  } catch (error) {
    view.replaceChildren(el('p', { class: 'notice error', role: 'alert' }, error.message));
    return;
  }
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  await show(location.hash.slice(1));
}

start();
