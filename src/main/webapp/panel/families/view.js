// Families section: search students and adults, open a family, connect or remove (and block) links.
import { api, postJson } from '../core/api.js';
import { alertOf, button, el, table } from '../core/dom.js';
import { describe, sourceOf, when } from '../crosslink/view.js';

const FILTERS = [['all', 'Everyone'], ['students', 'Students'], ['adults', 'Adults'], ['no-parents', 'Students with no parents'],
  ['parents-without-email', 'Parents without email'], ['relatives', 'Relatives']];
const PAGE = 25;

export async function familiesView() {
  const query = el('input', { type: 'search', id: 'family-search', placeholder: 'Name, username or sourcedId' });
  const filter = el('select', { id: 'family-filter' }, ...FILTERS.map(([value, label]) => el('option', { value }, label)));
  const results = el('div', { id: 'family-results' });
  const family = el('div', { id: 'family-detail' });
  let offset = 0;
  const search = async () => {
    try {
      const params = new URLSearchParams({ q: query.value, filter: filter.value, offset: String(offset), limit: String(PAGE) });
      const page = await api(`people?${params}`);
      results.replaceChildren(renderPage(page, (next) => { offset = next; search(); }, (id) => openFamily(id, family)));
    } catch (error) {
      results.replaceChildren(alertOf(error));
    }
  };
  const form = el('form', { class: 'search', id: 'family-search-form' }, query, ' ', filter, ' ', el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => { event.preventDefault(); offset = 0; search(); });
  filter.addEventListener('change', () => { offset = 0; search(); });
  const section = el('section', { id: 'families' }, el('h2', {}, 'Families'), form, results, family);
  await search();
  return section;
}

function renderPage(page, goTo, open) {
  if (!page.total) {
    return el('p', { class: 'empty' }, 'No families match. Families appear here once your school roster (OneRoster) has been imported.');
  }
  const rows = page.items.map((p) => [
    button(`${p.givenName ?? ''} ${p.familyName ?? ''}`.trim() || p.sourcedId, () => open(p.sourcedId), { class: 'link', 'data-person': p.sourcedId }),
    p.sourcedId, p.username ?? '', p.roles.join(', '), String(p.activeLinks), p.active ? '' : 'left the roster']);
  // A large match is counted only so far: the total is then "more than" and the list may go on past it.
  const total = page.totalIsEstimate ? `more than ${page.total}` : String(page.total);
  const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length} of ${total} ` : 'No more matches. ';
  const pager = el('p', { class: 'pager' }, shown);
  if (page.offset > 0) pager.append(button('Previous', () => goTo(Math.max(0, page.offset - page.limit))));
  const more = page.totalIsEstimate ? page.items.length === page.limit : page.offset + page.items.length < page.total;
  if (more) pager.append(' ', button('Next', () => goTo(page.offset + page.limit), { id: 'family-next' }));
  return el('div', {}, table({ id: 'family-table' }, ['Name', 'sourcedId', 'Username', 'Roles', 'Links', ''], rows), pager);
}

async function openFamily(sourcedId, container) {
  try {
    const view = await api(`people/${encodeURIComponent(sourcedId)}`);
    container.replaceChildren(renderFamily(view, () => openFamily(sourcedId, container)));
  } catch (error) {
    container.replaceChildren(alertOf(error));
  }
}

function renderFamily(view, reload) {
  const person = view.person;
  const name = `${person.givenName ?? ''} ${person.familyName ?? ''}`.trim() || person.sourcedId;
  const links = view.links.map((link) => [link.otherName, link.otherSourcedId, link.guardianRole,
    link.active ? 'active' : 'ended', `${link.source} · ${link.sourceRef}`, link.blocked ? 'blocked' : '',
    link.active ? removeForm(link, reload) : '']);
  const box = el('article', { class: 'family', id: 'family-of', 'data-person': person.sourcedId },
    el('h3', {}, `${name} (${person.student ? 'student' : person.roles.join(', ') || 'adult'})`),
    links.length
      ? table({ id: 'family-links' }, [person.student ? 'Parent or guardian' : 'Child', 'sourcedId', 'Role', 'Status', 'Source', '', ''], links)
      : el('p', { class: 'empty', id: 'family-no-links' }, person.student ? 'No parents are linked to this student.' : 'No children are linked.'));
  if (person.student) box.append(fromLinkedProducts(person.sourcedId));
  box.append(connectForm(person, reload));
  if (view.history.length) {
    box.append(el('h4', {}, 'History'), el('ul', { class: 'history' },
      ...view.history.map((h) => el('li', {}, `${new Date(h.at).toLocaleString()} · ${h.action} · ${h.subject} · ${h.actor}${h.detail ? ` · ${h.detail}` : ''}`))));
  }
  return box;
}

/**
 * What linked products (Linked products page) hold about this student, each record marked with its source.
 * Loaded after the family is shown; nothing appears unless a link is LINKED and its data has arrived.
 */
function fromLinkedProducts(sourcedId) {
  const holder = el('section', { id: 'family-crosslink', class: 'crosslink-data', 'data-loaded': 'false' });
  api(`crosslink/students/${encodeURIComponent(sourcedId)}`)
    .then((records) => {
      if (records?.length) {
        holder.append(el('h4', {}, 'From linked products'),
          table({ id: 'family-crosslink-records' }, ['Source', 'Kind', 'Details', 'Received'],
            records.map((r) => [sourceOf(r), r.type, describe(r), when(r.fetchedAt)])));
      }
    })
    .catch((error) => holder.append(el('h4', {}, 'From linked products'), alertOf(error)))
    .finally(() => holder.setAttribute('data-loaded', 'true'));
  return holder;
}

function removeForm(link, reload) {
  const reason = el('input', { type: 'text', placeholder: 'Reason', required: 'required', class: 'reason' });
  const block = el('input', { type: 'checkbox', class: 'block' });
  const form = el('form', { class: 'remove-link', 'data-guardian': link.guardianSourcedId, 'data-student': link.studentSourcedId },
    reason, el('label', {}, block, ' block'), ' ', el('button', { type: 'submit' }, 'Remove'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await postJson('links/remove', { studentSourcedId: link.studentSourcedId, guardianSourcedId: link.guardianSourcedId,
        reason: reason.value, block: block.checked });
      await reload();
    } catch (error) {
      form.append(alertOf(error));
    }
  });
  return form;
}

function connectForm(person, reload) {
  const other = el('input', { type: 'text', id: 'connect-other', placeholder: person.student ? "Parent's sourcedId" : "Child's sourcedId", required: 'required' });
  const role = el('select', { id: 'connect-role' }, ...['parent', 'guardian', 'relative'].map((r) => el('option', { value: r }, r)));
  const reason = el('input', { type: 'text', id: 'connect-reason', placeholder: 'Reason', required: 'required' });
  const form = el('form', { id: 'connect-form', class: 'connect' }, el('h4', {}, 'Connect'), other, ' ', role, ' ', reason, ' ',
    el('button', { type: 'submit' }, 'Connect'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pair = person.student ? { studentSourcedId: person.sourcedId, guardianSourcedId: other.value.trim() }
      : { studentSourcedId: other.value.trim(), guardianSourcedId: person.sourcedId };
    try {
      await postJson('links', { ...pair, guardianRole: role.value, reason: reason.value });
      await reload();
    } catch (error) {
      form.append(alertOf(error));
    }
  });
  return form;
}
