// Accounts section: the parent-account lifecycle as SEQTA-style tabs (Ready to provision, Active, Ready to revoke)
// with counts, search, paging, select-all and bulk actions that confirm the number affected and report per person.
// Next/Previous page by cursor (keyset: as fast on page 2,000 as on page 1); the position shown is counted here.
import { api, ApiError, postJson } from '../core/api.js';
import { session } from '../core/session.js';
import { alertOf, button, el } from '../core/dom.js';

const PAGE = 25;
const TABS = [
  { id: 'provision', label: 'Ready to provision', actions: ['provision', 'print'] },
  { id: 'active', label: 'Active', actions: ['resend', 'print', 'suspend', 'resume', 'revoke'] },
  { id: 'revoke', label: 'Ready to revoke', actions: ['revoke', 'suspend'] },
];
const ACTIONS = {
  provision: 'Provision + send welcome email',
  print: 'Print letters',
  resend: 'Re-send welcome',
  suspend: 'Suspend',
  resume: 'Resume',
  revoke: 'Revoke access',
};

export async function accountsView() {
  const summary = await api('accounts/summary');
  const section = el('section', { id: 'accounts' }, el('h2', {}, 'Parent accounts'));
  if (!summary.mailConfigured) {
    section.append(el('p', { class: 'notice', id: 'accounts-mail-off', role: 'status' },
      `Email is not configured (no SMTP server): welcome emails stay queued until it is (${summary.outbox.PENDING} waiting). `
      + 'Printed letters work without it.'));
  } else if (summary.outbox.FAILED) {
    section.append(el('p', { class: 'notice', id: 'accounts-mail-failed' }, `${summary.outbox.FAILED} email(s) could not be delivered.`));
  }
  const tabBar = el('div', { class: 'subtabs', role: 'tablist', id: 'accounts-tabs' });
  const panels = el('div', {});
  const outcome = el('div', { id: 'accounts-outcome', 'aria-live': 'polite' });
  const tabs = TABS.map((tab) => makeTab(tab, summary.counts[tab.id] ?? 0, outcome, () => refreshAll()));
  for (const tab of tabs) {
    tabBar.append(tab.button);
    panels.append(tab.panel);
  }
  const select = (id) => tabs.forEach((t) => t.show(t.id === id));
  tabs.forEach((t) => t.button.addEventListener('click', () => select(t.id)));
  async function refreshAll() {
    const fresh = await api('accounts/summary');
    await Promise.all(tabs.map((t) => t.load(fresh.counts[t.id] ?? 0)));
  }
  await Promise.all(tabs.map((t) => t.load(summary.counts[t.id] ?? 0)));
  select('provision');
  section.append(tabBar, outcome, panels, settingsForm(summary.settings),
    el('p', {}, el('a', { href: '#audit', id: 'accounts-audit-link' }, 'Audit log: who did what, when')));
  return section;
}

function makeTab(tab, count, outcome, refreshAll) {
  const label = el('span', { class: 'count' }, String(count));
  const tabButton = el('button', { type: 'button', role: 'tab', class: 'subtab', 'data-tab': tab.id, id: `tab-${tab.id}` },
    `${tab.label} `, label);
  const panel = el('div', { role: 'tabpanel', class: 'account-tab', id: `accounts-${tab.id}`, 'data-tab': tab.id });
  const state = { offset: 0, cursor: {}, q: '', page: null, selected: new Set(), allMatching: false };
  const search = el('input', { type: 'search', class: 'account-search', placeholder: 'Name, username or sourcedId' });
  const form = el('form', { class: 'search' }, search, ' ', el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => { event.preventDefault(); state.q = search.value; state.offset = 0; state.cursor = {}; load(); });
  const bar = el('div', { class: 'bulk-actions' }, ...tab.actions.map((action) => button(ACTIONS[action],
    () => confirmAction(tab, action, state, outcome, refreshAll), { 'data-action': action, class: 'secondary' })));
  const results = el('div', { class: 'results' });
  panel.append(form, bar, results);

  async function load(total) {
    try {
      const where = state.cursor.after || state.cursor.before ? state.cursor : { offset: String(state.offset) };
      const params = new URLSearchParams({ tab: tab.id, q: state.q, ...where, limit: String(PAGE) });
      state.page = await api(`accounts?${params}`);
      if (total !== undefined && !state.q) label.textContent = String(total);
      state.selected.clear();
      state.allMatching = false;
      results.replaceChildren(render(tab, state, (offset, cursor) => { state.offset = offset; state.cursor = cursor; load(); }));
    } catch (error) {
      results.replaceChildren(alertOf(error));
    }
  }
  return {
    id: tab.id,
    button: tabButton,
    panel,
    load,
    show(visible) {
      panel.hidden = !visible;
      if (visible) tabButton.setAttribute('aria-selected', 'true');
      else tabButton.setAttribute('aria-selected', 'false');
    },
  };
}

function render(tab, state, goTo) {
  const page = state.page;
  if (!page.total) {
    const text = {
      provision: 'Nobody is ready to provision. Parents linked to a current student appear here after a roster import.',
      active: 'No invited or active parent accounts yet.',
      revoke: 'Nobody is ready to revoke.',
    }[tab.id];
    return el('p', { class: 'empty' }, text);
  }
  const boxes = [];
  const selectAll = el('input', { type: 'checkbox', class: 'select-page', 'aria-label': 'Select all on this page' });
  const allNote = el('span', { class: 'select-note' });
  selectAll.addEventListener('change', () => {
    for (const box of boxes) { box.checked = selectAll.checked; toggle(state, box); }
    state.allMatching = false;
    allNote.replaceChildren();
    if (selectAll.checked && (page.total > page.items.length || page.totalIsEstimate)) {
      const all = page.totalIsEstimate ? 'all' : `all ${page.total}`;
      allNote.append(button(`Select ${all} matching`, () => {
        state.allMatching = true;
        allNote.replaceChildren(`${all[0].toUpperCase()}${all.slice(1)} selected.`);
      }, { class: 'link select-all-matching' }));
    }
  });
  const rows = page.items.map((a) => {
    const box = el('input', { type: 'checkbox', class: 'select-one', value: a.personSourcedId, 'aria-label': `Select ${a.name}` });
    box.addEventListener('change', () => { state.allMatching = false; toggle(state, box); });
    boxes.push(box);
    const status = [a.state, a.inviteStatus].filter(Boolean).join(' · ');
    const reasons = el('ul', { class: 'reasons' }, ...a.reasons.map((r) => el('li', { 'data-reason': r.code }, r.text)));
    return el('tr', { 'data-person': a.personSourcedId, 'data-state': a.state },
      el('td', {}, box), el('td', {}, a.name), el('td', {}, a.personSourcedId), el('td', {}, a.username ?? a.email ?? ''),
      el('td', { class: 'status' }, status), el('td', {}, reasons));
  });
  const tableEl = el('table', { class: 'accounts-table' },
    el('thead', {}, el('tr', {}, el('th', {}, selectAll), ...['Name', 'sourcedId', 'Username or email', 'Status', 'Reasons'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows));
  const offset = page.offset ?? state.offset;
  const total = page.totalIsEstimate ? `more than ${page.total}` : String(page.total);
  const pager = el('p', { class: 'pager' }, `${offset + 1}–${offset + page.items.length} of ${total} `);
  if (page.previous) pager.append(button('Previous', () => goTo(Math.max(0, offset - page.limit), { before: page.previous })));
  if (page.next) pager.append(' ', button('Next', () => goTo(offset + page.items.length, { after: page.next }), { class: 'next' }));
  return el('div', {}, el('p', {}, allNote), tableEl, pager);
}

function toggle(state, box) {
  if (box.checked) state.selected.add(box.value);
  else state.selected.delete(box.value);
}

function selectionOf(tab, state) {
  return state.allMatching ? { all: true, tab: tab.id, q: state.q, people: [] } : { all: false, people: [...state.selected] };
}

async function confirmAction(tab, action, state, outcome, refreshAll) {
  const selection = selectionOf(tab, state);
  if (!selection.all && selection.people.length === 0) {
    outcome.replaceChildren(el('p', { class: 'notice', role: 'alert' }, 'Select at least one person first.'));
    return;
  }
  try {
    const preview = await postJson('accounts/actions/preview', { action, selection });
    const reason = el('input', { type: 'text', class: 'reason', placeholder: 'Reason (recorded in the audit log)' });
    const box = el('div', { class: 'confirm', id: 'accounts-confirm', role: 'dialog', 'aria-label': 'Confirm' },
      el('p', { class: 'confirm-text' }, `${ACTIONS[action]}: ${preview.affected} of ${preview.selected} selected `
        + `${preview.selected === 1 ? 'person' : 'people'} will be affected.`), reason, ' ');
    box.append(button('Confirm', async () => {
      try {
        if (action === 'print') await printLetters(selection, outcome);
        else outcome.replaceChildren(report(await postJson('accounts/actions', { action, selection, reason: reason.value })));
      } catch (error) {
        outcome.replaceChildren(alertOf(error));
      }
      await refreshAll();
    }, { id: 'accounts-confirm-yes' }), ' ', button('Cancel', () => outcome.replaceChildren(), { class: 'secondary' }));
    outcome.replaceChildren(box);
  } catch (error) {
    outcome.replaceChildren(alertOf(error));
  }
}

function report(result) {
  return el('div', { class: 'report', id: 'accounts-report', 'data-affected': String(result.affected) },
    el('p', {}, `${result.affected} of ${result.selected} done.`),
    el('ul', { class: 'outcomes' }, ...result.outcomes.map((o) => el('li', { 'data-person': o.personSourcedId, 'data-code': o.code,
      class: o.done ? 'done' : 'skipped' }, `${o.name}: ${o.done ? 'done' : 'skipped'}${o.detail ? ` – ${o.detail}` : ''}`))));
}

async function printLetters(selection, outcome) {
  const response = await fetch(`${session.base}/api/panel/accounts/letters`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'print', selection }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new ApiError(response.status, body?.error ?? 'error', body?.detail ?? `Printing failed (${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: 'welcome-letters.pdf' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  outcome.replaceChildren(el('p', { class: 'report', id: 'accounts-report' },
    `${response.headers.get('X-Letters')} letter(s) printed. Each carries a new code; earlier codes no longer work.`));
}

function settingsForm(settings) {
  const relatives = el('input', { type: 'checkbox', id: 'setting-relatives' });
  relatives.checked = settings.relativesAllowed;
  const days = el('input', { type: 'number', id: 'setting-invite-days', min: '1', max: '60', value: String(settings.inviteDays) });
  const status = el('span', { class: 'saved', 'aria-live': 'polite' });
  const form = el('form', { id: 'accounts-settings', class: 'settings' }, el('h3', {}, 'Settings'),
    el('label', {}, relatives, ' Relatives get access'), ' ',
    el('label', {}, 'Invitations last ', days, ' days'), ' ', el('button', { type: 'submit' }, 'Save'), ' ', status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('accounts/settings', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ relativesAllowed: relatives.checked, inviteDays: Number(days.value), welcomeNote: settings.welcomeNote }) });
      status.textContent = 'Saved.';
    } catch (error) {
      status.replaceChildren(alertOf(error));
    }
  });
  return form;
}
