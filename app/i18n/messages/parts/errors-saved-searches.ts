// The errors of saved searches (issue 16 part 2, decision record 037), part of the `errors`
// namespace: errors.ts spreads them.

const sv = {
  'errors.domain.saved_search_limit':
    'Du har redan 25 sparade sökningar, det högsta antalet. Ta bort en innan du sparar en ny.',
  'errors.domain.saved_search_owner_fixed': 'En sparad sökning kan inte flyttas till någon annan.',
  'errors.domain.saved_search_match_invalid':
    'Bara publicerade testbäddar, upphandlingar och initiativ av en bevakad sort kan träffa en sparad sökning.',
  'errors.domain.saved_search_match_append_only':
    'En träff för en sparad sökning kan inte ändras eller tas bort, bara försvinna med sökningen.',
}

const en: Record<keyof typeof sv, string> = {
  'errors.domain.saved_search_limit':
    'You already have 25 saved searches, the most allowed. Delete one before you save a new one.',
  'errors.domain.saved_search_owner_fixed': 'A saved search cannot be moved to someone else.',
  'errors.domain.saved_search_match_invalid':
    'Only published test beds, calls and initiatives of a watched kind can match a saved search.',
  'errors.domain.saved_search_match_append_only':
    'A match of a saved search cannot be changed or deleted; it goes only with the search.',
}

export default { sv, en }
