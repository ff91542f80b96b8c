// Families section: parents and children linked from the roster.
import { emptyState } from '../core/dom.js';

export function familiesView() {
  return emptyState('families', 'Families',
    'No families yet. Families appear here once your school roster (OneRoster) has been imported.');
}
