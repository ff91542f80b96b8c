// Linked products section: this school's links with other school products (request, approve, deny, remind,
// cancel, unlink; only the main school admin acts, other admins see the status), the other products' data
// about our students marked with its source, and the LMS platforms connected to Kinbridge.
import { api, postJson } from '../core/api.js';
import { alertOf, button, el, table } from '../core/dom.js';

const STATE_LABELS = {
  PENDING: 'Pending', LINKED: 'Linked', DENIED: 'Denied', CANCELLED: 'Cancelled', EXPIRED: 'Expired', UNLINKED: 'Unlinked',
};

const DONE = {
  approve: 'Approved. The other product is told; each side\'s data appears once it has arrived.',
  deny: 'Denied. The other product is told; it can ask again after the waiting period.',
  cancel: 'Request cancelled.',
  remind: 'Reminder sent: the other product emails its main administrator (at most once a day).',
  unlink: 'Unlinked. The other product\'s data has been removed here, and it is told to stop showing ours.',
  refresh: 'The other product\'s data will be fetched again in a moment.',
};

// A guardian's account at the other product, as its feed says ('unknown': it does not say).
const ACCOUNT_WORDS = {
  none: 'no account yet', invited: 'invited', active: 'account active', suspended: 'account suspended', revoked: 'account revoked',
};

function accountOf(status) {
  return ACCOUNT_WORDS[status] ? `, ${ACCOUNT_WORDS[status]}` : '';
}

// How often the page asks again while it is shown: the other side answers on its own time.
const REFRESH_MS = 3000;

export async function linkedProductsView() {
  const section = el('section', { id: 'linked-products' }, el('h2', {}, 'Linked products'));
  const notice = el('div', { id: 'crosslink-notice', role: 'status' });
  const links = el('div', { id: 'crosslink-links' });
  const data = el('div', { id: 'crosslink-data' });
  let shownLinks = '';
  let shownRecords = '';
  let latest = 0;
  // Re-renders only what changed, so a button is not swapped under the pointer by a refresh; an answer
  // overtaken by a later reload (an action's, or the next refresh) is dropped rather than shown late.
  const reload = async () => {
    const mine = ++latest;
    try {
      const overview = await api('crosslink');
      if (mine !== latest) return;
      const key = JSON.stringify(overview);
      if (key !== shownLinks) {
        shownLinks = key;
        links.replaceChildren(renderLinks(overview, reload, notice));
      }
    } catch (error) {
      if (mine !== latest) return;
      shownLinks = '';
      links.replaceChildren(alertOf(error));
    }
    try {
      const records = await api('crosslink/records');
      if (mine !== latest) return;
      const key = JSON.stringify(records);
      if (key !== shownRecords) {
        shownRecords = key;
        data.replaceChildren(renderRecords(records));
      }
    } catch (error) {
      if (mine !== latest) return;
      shownRecords = '';
      data.replaceChildren(alertOf(error));
    }
  };
  const overview = await api('crosslink');
  section.append(renderAbout(overview), notice);
  if (overview.youAreMainAdmin) section.append(requestForm(reload, notice));
  section.append(el('h3', {}, 'Links'), links, el('h3', {}, 'Data from linked products'), data);
  await reload();
  keepFresh(section, reload);
  const platforms = await api('platforms');
  section.append(el('h3', {}, 'Connected LMS platforms'),
    table({ id: 'kb-platforms' }, ['Issuer', 'Client id', 'Deployments'],
      platforms.map((p) => [p.issuer, p.clientId, p.deploymentIds.join(', ')])));
  return section;
}

/** Polls while the section is on the page (the panel replaces it when another tab is chosen). */
function keepFresh(section, reload) {
  let busy = false;
  let idle = 0;
  const timer = setInterval(async () => {
    if (!section.isConnected) {
      // not attached yet (first render), or replaced by another section: then stop
      if (section.dataset.shown || ++idle > 20) clearInterval(timer);
      return;
    }
    section.dataset.shown = 'true';
    if (busy || document.hidden) return;
    busy = true;
    try {
      await reload();
    } finally {
      busy = false;
    }
  }, REFRESH_MS);
}

function renderAbout(overview) {
  const who = overview.mainAdmin
    ? `The main school administrator is ${overview.mainAdmin}${overview.youAreMainAdmin ? ' (you)' : ''}.`
    : 'No main school administrator has been appointed yet.';
  return el('div', { class: 'card', id: 'crosslink-about' },
    el('p', {}, 'To link another product, its main administrator needs this school\'s address and identifier here:'),
    el('dl', {},
      el('dt', {}, 'Address'), el('dd', { id: 'crosslink-our-address' }, overview.ourAddress),
      el('dt', {}, 'School identifier'), el('dd', { id: 'crosslink-our-school' }, overview.ourSchoolReference)),
    el('p', { id: 'crosslink-main-admin' }, who,
      overview.youAreMainAdmin ? '' : ' Only they can request, approve, deny, remind, cancel or unlink.'));
}

function requestForm(reload, notice) {
  const peerUrl = el('input', { type: 'url', id: 'crosslink-peer-url', required: 'required', placeholder: 'https://product.example.org' });
  const peerSchool = el('input', { type: 'text', id: 'crosslink-peer-school', required: 'required', placeholder: 'Your school\'s identifier there' });
  const form = el('form', { id: 'crosslink-request', class: 'search' },
    el('label', {}, 'Other product\'s address ', peerUrl), ' ',
    el('label', {}, 'School identifier there ', peerSchool), ' ',
    el('button', { type: 'submit' }, 'Request link'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await postJson('crosslink/links', { peerUrl: peerUrl.value, peerSchool: peerSchool.value });
      notice.replaceChildren(el('p', { class: 'notice' }, 'Request sent. The other product\'s main administrator will be asked to approve it.'));
      form.reset();
      await reload();
    } catch (error) {
      notice.replaceChildren(alertOf(error));
    }
  });
  return form;
}

function renderLinks(overview, reload, notice) {
  if (!overview.links.length) {
    return el('p', { class: 'empty' }, 'No other school products are linked yet.');
  }
  return el('div', {}, ...overview.links.map((link) => renderLink(link, overview.youAreMainAdmin, reload, notice)));
}

function renderLink(link, isMain, reload, notice) {
  const name = link.peerSchoolName || link.peerUrl;
  const act = (action) => async () => {
    try {
      await api(`crosslink/links/${encodeURIComponent(link.id)}/${action}`, { method: 'POST' });
      notice.replaceChildren(el('p', { class: 'notice', 'data-done': action }, DONE[action] ?? 'Done.'));
      await reload();
    } catch (error) {
      notice.replaceChildren(alertOf(error));
    }
  };
  // Unlinking and denying cannot be taken back (a new request and approval would be needed): ask first. The question
  // goes in the notice area, which the page's periodic refresh leaves alone.
  const confirmed = (action, question, yes) => () => notice.replaceChildren(el('div',
    { class: 'confirm', id: 'crosslink-confirm', role: 'dialog', 'aria-label': 'Confirm' },
    el('p', { class: 'confirm-text' }, question), ' ',
    button(yes, act(action), { id: 'crosslink-confirm-yes' }), ' ',
    button('Keep it', () => notice.replaceChildren(), { id: 'crosslink-confirm-no', class: 'secondary' })));
  const actions = el('p', { class: 'actions' });
  const pendingFromThem = link.state === 'PENDING' && !link.requestedByUs;
  const pendingFromUs = link.state === 'PENDING' && link.requestedByUs;
  if (isMain && pendingFromThem) {
    actions.append(button('Approve', act('approve'), { class: 'crosslink-approve' }), ' ',
      button('Deny', confirmed('deny', `Deny ${name}'s request to link? They can ask again only after a waiting period.`,
        'Deny the request'), { class: 'crosslink-deny' }));
  }
  if (isMain && pendingFromUs) {
    actions.append(button('Send email reminder', act('remind'), { class: 'crosslink-remind' }), ' ',
      button('Cancel request', act('cancel'), { class: 'crosslink-cancel' }));
  }
  if (isMain && link.state === 'LINKED') {
    actions.append(button('Unlink', confirmed('unlink', `Unlink ${name}? Each side stops showing the other's data at once; `
      + 'linking again needs a new request and their approval.', 'Unlink'), { class: 'crosslink-unlink' }), ' ',
      button('Refresh data', act('refresh'), { class: 'crosslink-refresh' }));
  }
  const facts = [
    ['Status', `${STATE_LABELS[link.state] ?? link.state}${pendingFromThem ? ' – they asked to link with you' : ''}${pendingFromUs ? ' – waiting for their approval' : ''}`],
    ['Requested', `${when(link.requestedAt)} by ${link.requestedBy}`],
  ];
  if (link.state === 'PENDING') facts.push(['Expires', when(link.expiresAt)]);
  if (link.decidedAt) facts.push(['Decided', `${when(link.decidedAt)} by ${link.decidedBy}`]);
  if (link.endedAt) facts.push(['Ended', `${when(link.endedAt)} by ${link.endedBy}${link.endReason ? ` (${link.endReason})` : ''}`]);
  if (link.lastReminderAt) facts.push(['Last reminder', when(link.lastReminderAt)]);
  if (link.feedFetchedAt) facts.push(['Data received', when(link.feedFetchedAt)]);
  if (link.feedError) facts.push(['Data problem', link.feedError]);
  const box = el('article', { class: 'card crosslink', 'data-link': link.id, 'data-state': link.state },
    el('h3', {}, `${name} `, el('small', {}, `${link.peerUrl} · school ${link.peerSchool}`)),
    el('dl', {}, ...facts.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])));
  if (link.waitingForPeer) {
    box.append(el('p', { class: 'notice waiting' }, `Waiting for the other side: ${link.waitingForPeer}`));
  }
  box.append(actions);
  if (link.history?.length) {
    box.append(el('h4', {}, 'History'), el('ul', { class: 'history' },
      ...link.history.map((h) => el('li', {}, `${when(h.at)} · ${h.action.replace('crosslink.', '')} · ${h.actor}${h.detail ? ` · ${h.detail}` : ''}`))));
  }
  return box;
}

function renderRecords(records) {
  if (!records.length) {
    return el('p', { class: 'empty', id: 'crosslink-no-data' }, 'No data from linked products. Data is shared only once both schools have approved a link.');
  }
  return table({ id: 'crosslink-records' }, ['Student (sourcedId)', 'Source', 'Kind', 'Details', 'Received'],
    records.map((r) => [r.studentSourcedId, sourceOf(r), r.type, describe(r), when(r.fetchedAt)]));
}

/** Where a record comes from: the other product's school name and address. */
export function sourceOf(record) {
  return el('span', { class: 'source', 'data-link': record.linkId ?? '' }, record.source ?? record.peerUrl ?? '',
    record.peerUrl && record.peerUrl !== record.source ? el('small', {}, ` ${record.peerUrl}`) : '');
}

export function describe(record) {
  if (record.type === 'kinbridge.guardians' && Array.isArray(record.data?.guardians)) {
    return record.data.guardians.map((g) => `${g.name} (${g.role}${accountOf(g.accountStatus)})`).join('; ');
  }
  return JSON.stringify(record.data);
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}
