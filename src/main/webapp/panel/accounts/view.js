// Accounts section: the parent-account lifecycle (ready to provision, active, ready to revoke).
import { emptyState } from '../core/dom.js';

export function accountsView() {
  return emptyState('accounts', 'Accounts',
    'No parent accounts yet. Parents who are linked to a current student will be ready to provision here.');
}
