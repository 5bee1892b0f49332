// Saved searches as alerts (issue 16 part 2, decision record 037): a person saves criteria at
// /account/searches and is told of each new test bed, call or initiative that meets them.

const sv = {
  'savedSearch.accountLink': 'Sparade sökningar och bevakningar',
  'savedSearch.saveAsAlert': 'Spara sökningen som bevakning',

  'savedSearch.list.title': 'Sparade sökningar',
  'savedSearch.list.intro':
    'En sparad sökning bevakar nya testbäddar, upphandlingar och initiativ åt dig. När något nytt publiceras som matchar sökningen noteras det som en träff. Du kan spara högst {max} sökningar.',
  'savedSearch.list.back': 'Till ditt konto',
  'savedSearch.list.new': 'Ny sparad sökning',
  'savedSearch.list.full':
    'Du har {max} sparade sökningar, det högsta antalet. Ta bort en för att spara en ny.',
  'savedSearch.list.empty': 'Du har inga sparade sökningar ännu.',
  'savedSearch.list.count': 'Du har {count} av högst {max} sparade sökningar.',
  'savedSearch.list.matches': 'Träffar hittills: {count}',
  'savedSearch.list.edit': 'Ändra {name}',
  'savedSearch.list.delete': 'Ta bort {name}',
  'savedSearch.list.created': 'Sökningen är sparad.',
  'savedSearch.list.updated': 'Sökningen är ändrad.',
  'savedSearch.list.deleted': 'Sökningen är borttagen.',

  'savedSearch.criteria.kinds': 'Bevakar',
  'savedSearch.criteria.themes': 'Teman',
  'savedSearch.criteria.cpv': 'CPV-koder (med underkoder)',
  'savedSearch.criteria.place': 'Plats',
  'savedSearch.criteria.procedure': 'Förfarande',
  'savedSearch.criteria.trl': 'TRL',
  'savedSearch.criteria.trlRange': '{min}–{max}',
  'savedSearch.criteria.query': 'Sökord',
  'savedSearch.criteria.none': 'Inga fler villkor: allt nytt av de bevakade slagen.',

  'savedSearch.kind.test_bed': 'Testbäddar',
  'savedSearch.kind.call': 'Upphandlingar',
  'savedSearch.kind.initiative': 'Initiativ',

  'savedSearch.form.newTitle': 'Ny sparad sökning',
  'savedSearch.form.editTitle': 'Ändra sökningen {name}',
  'savedSearch.form.intro':
    'Alla villkor du anger måste stämma. Lämnar du ett villkor tomt gäller det inte. Ett tema räcker av flera, och en CPV-kod gäller också alla koder under den.',
  'savedSearch.form.cancel': 'Tillbaka till sparade sökningar',
  'savedSearch.form.name': 'Namn på sökningen',
  'savedSearch.form.nameHint': 'Till exempel "Välfärdsteknik i Norrbotten".',
  'savedSearch.form.kinds': 'Vad vill du bevaka?',
  'savedSearch.form.themes': 'Teman',
  'savedSearch.form.themesHint': 'Något av de valda temana. Inget val: alla teman.',
  'savedSearch.form.cpv': 'CPV-koder',
  'savedSearch.form.cpvHint':
    'Gäller upphandlingar och initiativ. En kod omfattar alla koder under den: 33000000 täcker också 33100000 och 33141000. Skriv koderna med mellanslag eller komma emellan, högst {max}.',
  'savedSearch.form.county': 'Län',
  'savedSearch.form.countyAll': 'Hela Sverige',
  'savedSearch.form.municipality': 'Kommun',
  'savedSearch.form.municipalityAll': 'Hela länet',
  'savedSearch.form.municipalityHint':
    'Välj först län. Det som gäller hela länet räknas också som träff.',
  'savedSearch.form.procedure': 'Förfarande',
  'savedSearch.form.procedureHint': 'Gäller bara upphandlingar.',
  'savedSearch.form.procedureAll': 'Alla förfaranden',
  'savedSearch.form.trlMin': 'Lägsta TRL',
  'savedSearch.form.trlMax': 'Högsta TRL',
  'savedSearch.form.trlHint':
    'Gäller bara testbäddar: en testbädd matchar när dess TRL-spann överlappar ditt.',
  'savedSearch.form.trlAny': 'Inget krav',
  'savedSearch.form.query': 'Sökord',
  'savedSearch.form.queryHint':
    'Alla ord måste finnas i titeln, sammanfattningen eller beskrivningen. Stora och små bokstäver och accenter spelar ingen roll: "lulea" hittar "Luleå". Högst {words} ord.',
  'savedSearch.form.create': 'Spara sökningen',
  'savedSearch.form.save': 'Spara ändringarna',
  'savedSearch.form.delete': 'Ta bort sökningen',

  'savedSearch.error.kinds': 'Välj minst ett slag att bevaka.',
  'savedSearch.error.municipality': 'Kommunen ligger inte i det valda länet.',
  'savedSearch.error.trlOrder': 'Högsta TRL kan inte vara lägre än lägsta TRL.',
  'savedSearch.error.tooManyWords': 'Skriv högst {max} sökord.',
  'savedSearch.error.wordTooLong': 'Ett sökord kan vara högst {max} tecken långt.',
}

const en: Record<keyof typeof sv, string> = {
  'savedSearch.accountLink': 'Saved searches and alerts',
  'savedSearch.saveAsAlert': 'Save this search as an alert',

  'savedSearch.list.title': 'Saved searches',
  'savedSearch.list.intro':
    'A saved search watches for new test beds, calls and initiatives for you. When something new that matches it is published, it is recorded as a match. You can save at most {max} searches.',
  'savedSearch.list.back': 'Back to your account',
  'savedSearch.list.new': 'New saved search',
  'savedSearch.list.full':
    'You have {max} saved searches, the most allowed. Delete one to save a new one.',
  'savedSearch.list.empty': 'You have no saved searches yet.',
  'savedSearch.list.count': 'You have {count} of at most {max} saved searches.',
  'savedSearch.list.matches': 'Matches so far: {count}',
  'savedSearch.list.edit': 'Edit {name}',
  'savedSearch.list.delete': 'Delete {name}',
  'savedSearch.list.created': 'The search is saved.',
  'savedSearch.list.updated': 'The search is changed.',
  'savedSearch.list.deleted': 'The search is deleted.',

  'savedSearch.criteria.kinds': 'Watches',
  'savedSearch.criteria.themes': 'Themes',
  'savedSearch.criteria.cpv': 'CPV codes (with sub-codes)',
  'savedSearch.criteria.place': 'Place',
  'savedSearch.criteria.procedure': 'Procedure',
  'savedSearch.criteria.trl': 'TRL',
  'savedSearch.criteria.trlRange': '{min}–{max}',
  'savedSearch.criteria.query': 'Words',
  'savedSearch.criteria.none': 'No other criteria: everything new of the watched kinds.',

  'savedSearch.kind.test_bed': 'Test beds',
  'savedSearch.kind.call': 'Calls',
  'savedSearch.kind.initiative': 'Initiatives',

  'savedSearch.form.newTitle': 'New saved search',
  'savedSearch.form.editTitle': 'Edit the search {name}',
  'savedSearch.form.intro':
    'Every criterion you give must hold; an empty one does not apply. One of several themes is enough, and a CPV code also covers every code below it.',
  'savedSearch.form.cancel': 'Back to saved searches',
  'savedSearch.form.name': 'Name of the search',
  'savedSearch.form.nameHint': 'For example "Welfare technology in Norrbotten".',
  'savedSearch.form.kinds': 'What do you want to watch?',
  'savedSearch.form.themes': 'Themes',
  'savedSearch.form.themesHint': 'Any of the chosen themes. None chosen: every theme.',
  'savedSearch.form.cpv': 'CPV codes',
  'savedSearch.form.cpvHint':
    'Applies to calls and initiatives. A code covers every code below it: 33000000 also covers 33100000 and 33141000. Separate the codes with spaces or commas, at most {max}.',
  'savedSearch.form.county': 'County',
  'savedSearch.form.countyAll': 'All of Sweden',
  'savedSearch.form.municipality': 'Municipality',
  'savedSearch.form.municipalityAll': 'The whole county',
  'savedSearch.form.municipalityHint':
    'Choose the county first. What covers the whole county matches too.',
  'savedSearch.form.procedure': 'Procedure',
  'savedSearch.form.procedureHint': 'Applies to calls only.',
  'savedSearch.form.procedureAll': 'Every procedure',
  'savedSearch.form.trlMin': 'Lowest TRL',
  'savedSearch.form.trlMax': 'Highest TRL',
  'savedSearch.form.trlHint':
    'Applies to test beds only: a test bed matches when its TRL range overlaps yours.',
  'savedSearch.form.trlAny': 'No requirement',
  'savedSearch.form.query': 'Words',
  'savedSearch.form.queryHint':
    'Every word must occur in the title, summary or description. Case and accents do not matter: "lulea" finds "Luleå". At most {words} words.',
  'savedSearch.form.create': 'Save the search',
  'savedSearch.form.save': 'Save the changes',
  'savedSearch.form.delete': 'Delete the search',

  'savedSearch.error.kinds': 'Choose at least one kind to watch.',
  'savedSearch.error.municipality': 'The municipality is not in the chosen county.',
  'savedSearch.error.trlOrder': 'The highest TRL cannot be lower than the lowest TRL.',
  'savedSearch.error.tooManyWords': 'Write at most {max} words.',
  'savedSearch.error.wordTooLong': 'A word can be at most {max} characters long.',
}

export default { sv, en }
