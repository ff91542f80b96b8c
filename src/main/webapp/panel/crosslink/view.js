// Linked products section: the LMS platforms connected now; product-to-product links come later.
import { api } from '../core/api.js';
import { el, emptyState } from '../core/dom.js';

export async function linkedProductsView() {
  const section = emptyState('linked-products', 'Linked products',
    'No other school products are linked yet.');
  const platforms = await api('platforms');
  const rows = platforms.map((p) => el('tr', {}, el('td', {}, p.issuer), el('td', {}, p.clientId),
    el('td', {}, p.deploymentIds.join(', '))));
  section.append(el('h3', {}, 'Connected LMS platforms'),
    el('table', { id: 'kb-platforms' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Issuer'), el('th', {}, 'Client id'), el('th', {}, 'Deployments'))),
      el('tbody', {}, ...rows)));
  return section;
}
