// Audit section: the append-only record filtered by person, action and date, with CSV export.
import { api, download } from '../core/api.js';
import { alertOf, button, el, table } from '../core/dom.js';

const PAGE = 50;

export async function auditView() {
  const person = el('input', { type: 'search', id: 'audit-person', placeholder: 'Person sourcedId' });
  const action = el('input', { type: 'search', id: 'audit-action', placeholder: 'Action, e.g. account.' });
  const from = el('input', { type: 'date', id: 'audit-from', 'aria-label': 'From' });
  const to = el('input', { type: 'date', id: 'audit-to', 'aria-label': 'To' });
  const results = el('div', { id: 'audit-results' });
  let offset = 0;
  const params = () => new URLSearchParams({ person: person.value, action: action.value, from: from.value, to: to.value });
  const load = async () => {
    try {
      const query = params();
      query.set('offset', String(offset));
      query.set('limit', String(PAGE));
      const page = await api(`audit?${query}`);
      results.replaceChildren(render(page, (next) => { offset = next; load(); }));
    } catch (error) {
      results.replaceChildren(alertOf(error));
    }
  };
  const form = el('form', { class: 'search', id: 'audit-form' }, person, ' ', action, ' ', from, ' ', to, ' ',
    el('button', { type: 'submit' }, 'Filter'), ' ',
    button('Export CSV', () => download(`audit/export.csv?${params()}`, 'audit.csv').catch((e) => results.replaceChildren(alertOf(e))),
      { id: 'audit-export', class: 'secondary' }));
  form.addEventListener('submit', (event) => { event.preventDefault(); offset = 0; load(); });
  await load();
  return el('section', { id: 'audit' }, el('h2', {}, 'Audit log'), form, results);
}

function render(page, goTo) {
  if (!page.total) return el('p', { class: 'empty' }, 'Nothing recorded matches.');
  const rows = page.items.map((e) => [new Date(e.at).toLocaleString(), e.actor, e.action, e.subject, e.detail ?? '']);
  const pager = el('p', { class: 'pager' }, `${page.offset + 1}–${page.offset + page.items.length} of ${page.total} `);
  if (page.offset > 0) pager.append(button('Previous', () => goTo(Math.max(0, page.offset - page.limit))));
  if (page.offset + page.items.length < page.total) pager.append(' ', button('Next', () => goTo(page.offset + page.limit)));
  return el('div', {}, table({ id: 'audit-table' }, ['When', 'Who', 'Action', 'About', 'Detail'], rows), pager);
}
