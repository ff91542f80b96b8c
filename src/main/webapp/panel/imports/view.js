// Imports section, two cards. Roster: send a OneRoster package (drag and drop or choose a file), follow
// its progress, read its per-row issues, and confirm or discard an import held for a large removal.
// Parents from a CSV: see parents.js.
import { api, download } from '../core/api.js';
import { alertOf, button, el, fileDrop, table } from '../core/dom.js';
import { parentImportCard } from './parents.js';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'HELD', 'DISCARDED']);

export async function importsView() {
  const detail = el('div', { id: 'import-detail' });
  const history = el('div', { id: 'import-history' });
  const roster = el('section', { class: 'import-card', id: 'roster-import' },
    el('h3', {}, 'Roster (OneRoster package)'), dropZone(detail, history), detail, history);
  await showHistory(history, detail);
  return el('section', { id: 'imports' }, el('h2', {}, 'Imports'), roster, parentImportCard());
}

function dropZone(detail, history) {
  return fileDrop({ id: 'import-drop', inputId: 'import-file', accept: '.zip,application/zip',
    text: 'Drop a OneRoster package (.zip) here, or choose one: ' }, async (file) => {
    try {
      const started = await api('imports', {
        method: 'POST',
        headers: { 'Content-Type': 'application/zip', 'X-File-Name': file.name },
        body: file,
      });
      await follow(started.id, detail, history);
    } catch (error) {
      detail.replaceChildren(alertOf(error));
    }
  });
}

async function follow(importId, detail, history) {
  for (;;) {
    const status = await api(`imports/${encodeURIComponent(importId)}`);
    detail.replaceChildren(renderImport(status, detail, history));
    if (FINISHED.has(status.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  await showHistory(history, detail);
}

function renderImport(status, detail, history) {
  const box = el('article', { class: 'import', 'data-status': status.status, id: `import-${status.id}` },
    el('h4', {}, `${status.fileName} · `, el('span', { class: 'status' }, status.status)));
  const progress = Object.entries(status.progress || {}).filter(([key]) => key !== 'phase')
    .map(([file, rows]) => `${file}: ${rows} rows`).join(' · ');
  if (status.status === 'RUNNING') {
    box.append(el('progress', { 'aria-label': 'Import progress' }), el('p', {}, progress || 'Reading the package…'));
  }
  if (status.heldReason) {
    box.append(el('p', { class: 'notice', id: 'held-reason' }, status.heldReason),
      button('Confirm and apply', async () => {
        const again = await api(`imports/${status.id}/confirm`, { method: 'POST' });
        await follow(again.id, detail, history);
      }, { id: 'import-confirm' }),
      ' ',
      button('Discard', async () => {
        await api(`imports/${status.id}/discard`, { method: 'POST' });
        await follow(status.id, detail, history);
      }, { id: 'import-discard' }));
  }
  for (const error of status.errors || []) box.append(el('p', { class: 'notice error' }, error));
  const counts = Object.entries(status.counts || {});
  if (counts.length) box.append(table({ class: 'counts' }, ['What', 'Count'], counts.map(([k, v]) => [k, String(v)])));
  if (status.issueCount > 0) {
    box.append(el('p', {}, `${status.issueCount} row(s) had issues. `),
      button('Download issues (CSV)', () => download(`imports/${status.id}/issues`, `import-${status.id}-issues.csv`),
        { id: 'import-issues-download' }));
    if (status.warnings?.length) {
      box.append(table({ class: 'issues' }, ['File', 'Row', 'Column', 'Issue'],
        status.warnings.map((w) => [w.file, String(w.row), w.column ?? '', w.message])));
    }
  }
  return box;
}

async function showHistory(history, detail) {
  const imports = await api('imports');
  if (!imports.length) {
    history.replaceChildren(el('p', { class: 'empty' }, 'No roster imports yet.'));
    return;
  }
  history.replaceChildren(el('h4', {}, 'Recent imports'), table({ id: 'import-list' },
    ['Started', 'File', 'Status', 'Mode', 'Links created', 'Links ended', 'Issues', ''],
    imports.map((i) => [new Date(i.createdAt).toLocaleString(), i.fileName,
      el('span', { class: 'status' }, i.status), i.mode ?? '', String(i.counts?.linksCreated ?? ''),
      String(i.counts?.linksEnded ?? ''), String(i.issueCount),
      button('Details', () => follow(i.id, detail, history))])));
}

