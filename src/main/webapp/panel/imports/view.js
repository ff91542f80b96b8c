// Imports section: OneRoster packages imported for this school.
import { emptyState } from '../core/dom.js';

export function importsView() {
  return emptyState('imports', 'Imports',
    'No roster imports yet. Your Kinbridge operator or SIS connection sends OneRoster packages here.');
}
