// The errors of the OCDS release store (issue 17, migration 2026-12-07-25-ocds-releases), part of
// the `errors` namespace: errors.ts spreads them (parts/ holds pieces of one namespace).

const sv = {
  'errors.domain.ocds_release_fixed':
    'En publicerad OCDS-release kan inte ändras eller tas bort, och en utkastannons har ingen.',
}

const en: Record<keyof typeof sv, string> = {
  'errors.domain.ocds_release_fixed':
    'A published OCDS release cannot be changed or deleted, and a draft call has none.',
}

export default { sv, en }
