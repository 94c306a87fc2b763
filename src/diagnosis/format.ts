import type { Diagnosis, Fix } from './types';

function fixDetail(fix: Fix): string {
  switch (fix.type) {
    case 'open-url':
      return `${fix.label}: ${fix.url}`;
    case 'run-command':
      return `${fix.label}:  ${fix.command}`;
    case 'quote-display-name':
      return `${fix.label}: From: ${fix.header}`;
    default:
      return fix.label;
  }
}

/** A diagnosis as plain text for a terminal or a read-only document. */
export function formatDiagnosis(diagnosis: Diagnosis): string {
  const lines = [diagnosis.title, '', diagnosis.explanation];
  if (diagnosis.fixes.length) {
    lines.push('', 'What to do:');
    for (const fix of diagnosis.fixes) lines.push(`  - ${fixDetail(fix)}`);
  }
  lines.push('', `(${diagnosis.kind})`);
  return lines.join('\n');
}
