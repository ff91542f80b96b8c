// Imports section: send a OneRoster package (drag and drop or choose a file), follow its progress,
// read its per-row issues, and confirm or discard an import held for a large removal.
import { api, download } from '../core/api.js';
import { alertOf, button, el, table } from '../core/dom.js';

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'HELD', 'DISCARDED']);

export async function importsView() {
  const section = el('section', { id: 'imports' }, el('h2', {}, 'Imports'));
  const detail = el('div', { id: 'import-detail' });
  const history = el('div', { id: 'import-history' });
  section.append(dropZone(detail, history), detail, history);
  await showHistory(history, detail);
  return section;
}

function dropZone(detail, history) {
  const input = el('input', { type: 'file', id: 'import-file', accept: '.zip,application/zip' });
  const zone = el('div', { class: 'dropzone', id: 'import-drop' },
    el('p', {}, 'Drop a OneRoster package (.zip) here, or choose one: '), input);
  const send = async (file) => {
    if (!file) return;
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
  };
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
    el('h3', {}, `${status.fileName} · `, el('span', { class: 'status' }, status.status)));
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
  history.replaceChildren(el('h3', {}, 'Recent imports'), table({ id: 'import-list' },
    ['Started', 'File', 'Status', 'Mode', 'Links created', 'Links ended', 'Issues', ''],
    imports.map((i) => [new Date(i.createdAt).toLocaleString(), i.fileName,
      el('span', { class: 'status' }, i.status), i.mode ?? '', String(i.counts?.linksCreated ?? ''),
      String(i.counts?.linksEnded ?? ''), String(i.issueCount),
      button('Details', () => follow(i.id, detail, history))])));
}

