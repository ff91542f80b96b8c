// Imports section, "Parents from a CSV" card: a parent file keyed by a synchronisation column (the
// itslearning way). The admin drops a CSV, chooses its columns from what the server read of it,
// previews what would change, and applies on confirm. The file stays in the browser and is sent
// again for each step, so nothing half-imported waits on the server.
import { api } from '../core/api.js';
import { alertOf, button, el, fileDrop, table } from '../core/dom.js';

const CHILD_MATCHES = [
  ['SYNC_KEY', 'OneRoster sourcedId or SIS identifier (e.g. S1001)'],
  ['INTERNAL_ID', "Kinbridge id (the student's sourcedId)"],
  ['USERNAME', 'Username'],
];

/** Optional columns: query parameter, label, and the column name the server uses when none is chosen. */
const PERSON_COLUMNS = [
  ['givenNameColumn', 'Given name', 'givenName'],
  ['familyNameColumn', 'Family name', 'familyName'],
  ['emailColumn', 'Email', 'email'],
];

/** Summary counts: JSON key, label in a preview, label once applied. */
const COUNTS = [
  ['parentsCreated', 'Parents to create', 'Parents created'],
  ['parentsUpdated', 'Parents to update', 'Parents updated'],
  ['parentsUnchanged', 'Parents unchanged', 'Parents unchanged'],
  ['linksCreated', 'Links to create', 'Links created'],
  ['linksEnded', 'Links to end', 'Links ended'],
  ['linksUnchanged', 'Links unchanged', 'Links unchanged'],
  ['rowsRefused', 'Rows not imported', 'Rows not imported'],
];

export function parentImportCard() {
  const step = el('div', { id: 'parent-import-step' });
  const drop = fileDrop({ id: 'parent-import-drop', inputId: 'parent-import-file', accept: '.csv,text/csv',
    text: 'Drop a parent file (.csv) here, or choose one: ' }, async (file) => {
    step.replaceChildren(el('p', {}, `Reading ${file.name}…`));
    try {
      const columns = await api('parents/imports/columns', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
      step.replaceChildren(chooseColumns(file, columns));
    } catch (error) {
      step.replaceChildren(alertOf(error));
    }
  });
  return el('section', { class: 'import-card', id: 'parent-import' },
    el('h3', {}, 'Parents from a CSV'),
    el('p', { class: 'hint' }, 'One row per parent. Its synchronisation column must be unique: it finds the parent again '
      + 'on the next upload, which updates names and children in place. Links from the roster or made by hand are never changed.'),
    drop, step);
}

/** The form for one file: which column is which, then a preview. */
function chooseColumns(file, { columns, sampleRows, rowCount }) {
  const sync = el('select', { id: 'parent-sync-column', required: 'required' },
    el('option', { value: '' }, 'Choose a column'), ...columns.map((c) => el('option', { value: c }, c)));
  const children = el('fieldset', { id: 'parent-child-columns', class: 'choices' },
    el('legend', {}, "Children's column(s)"),
    ...columns.map((c) => el('label', {}, el('input', { type: 'checkbox', name: 'childColumn', value: c }), ` ${c}`)),
    el('p', { class: 'hint' }, 'Tick every column that names a child; one cell may also list several, separated by , or ;.'));
  const match = el('select', { id: 'parent-child-match' }, ...CHILD_MATCHES.map(([value, label]) => el('option', { value }, label)));
  const person = PERSON_COLUMNS.map(([parameter, label, fallback]) => {
    const select = el('select', { id: `parent-${parameter}`, 'data-parameter': parameter },
      el('option', { value: '' }, `(a column named ${fallback}, if any)`), ...columns.map((c) => el('option', { value: c }, c)));
    select.value = columns.find((c) => c.toLowerCase() === fallback.toLowerCase()) ?? '';
    return select;
  });
  const result = el('div', { id: 'parent-import-result' });
  const form = el('form', { id: 'parent-import-form', class: 'stack' },
    el('p', {}, el('strong', {}, file.name), ` · ${rowCount} row(s) · ${columns.length} column(s)`),
    table({ id: 'parent-import-sample', class: 'sample' }, columns, sampleRows),
    el('label', {}, "Parent's synchronisation column", sync),
    children,
    el('label', {}, 'Children are named by their', match),
    el('fieldset', { class: 'choices' }, el('legend', {}, 'Name and email'),
      ...person.map((select, i) => el('label', {}, PERSON_COLUMNS[i][1], select))),
    el('button', { type: 'submit' }, 'Preview'));

  // The sync column cannot also name children; and a changed choice makes an earlier preview stale.
  sync.addEventListener('change', () => {
    for (const box of children.querySelectorAll('input')) {
      box.disabled = box.value === sync.value;
      if (box.disabled) box.checked = false;
    }
  });
  form.addEventListener('change', () => result.replaceChildren());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const childColumns = [...children.querySelectorAll('input:checked')].map((box) => box.value);
    if (!sync.value || !childColumns.length) {
      result.replaceChildren(alertOf(new Error("Choose the parent's synchronisation column and at least one children's column.")));
      return;
    }
    const query = new URLSearchParams({ syncColumn: sync.value, childMatch: match.value });
    childColumns.forEach((c) => query.append('childColumn', c));
    person.filter((select) => select.value).forEach((select) => query.set(select.dataset.parameter, select.value));
    await preview(file, query, result);
  });
  return el('div', {}, form, result);
}

async function preview(file, query, result) {
  try {
    const summary = await send(file, `${query}&preview=true`);
    const apply = button('Apply these changes', async () => {
      apply.disabled = true;
      try {
        result.replaceChildren(renderSummary(await send(file, query.toString())));
      } catch (error) {
        apply.disabled = false;
        result.append(alertOf(error));
      }
    }, { id: 'parent-import-apply' });
    const changes = summary.parentsCreated + summary.parentsUpdated + summary.linksCreated + summary.linksEnded > 0;
    result.replaceChildren(renderSummary(summary), changes ? apply : el('p', { class: 'empty' }, 'Applying this file would change nothing.'));
  } catch (error) {
    result.replaceChildren(alertOf(error));
  }
}

function send(file, query) {
  return api(`parents/imports?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: file });
}

function renderSummary(summary) {
  const box = el('article', { class: 'import', id: summary.preview ? 'parent-import-preview' : 'parent-import-done' },
    el('h4', {}, summary.preview ? 'Preview: nothing has changed yet' : 'Applied'),
    el('table', { class: 'counts', id: 'parent-import-counts' }, el('tbody', {},
      ...COUNTS.map(([key, ahead, done]) => el('tr', { 'data-count': key },
        el('th', {}, summary.preview ? ahead : done), el('td', {}, String(summary[key])))))));
  const refused = summary.issues.filter((issue) => issue.rowRefused);
  const warnings = summary.issues.filter((issue) => !issue.rowRefused);
  if (refused.length) {
    box.append(el('h4', {}, 'Rows not imported'),
      table({ class: 'issues', id: 'parent-import-refused' }, ['Row', 'Column', 'Why'], refused.map(issueCells)));
  }
  if (warnings.length) {
    box.append(el('h4', {}, 'Imported, but not all of it'),
      table({ class: 'issues', id: 'parent-import-warnings' }, ['Row', 'Column', 'What'], warnings.map(issueCells)));
  }
  if (summary.issueCount > summary.issues.length) {
    box.append(el('p', { class: 'hint' }, `Showing the first ${summary.issues.length} of ${summary.issueCount} issues.`));
  }
  if (!summary.preview) {
    box.append(el('p', {}, 'The parents and their children are on the ', el('a', { href: '#families' }, 'Families'), ' page.'));
  }
  return box;
}

function issueCells(issue) {
  return [String(issue.row), issue.column ?? '', issue.message];
}
