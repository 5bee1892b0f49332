// SME reach and broadcast outreach (issue 15 part 6, decision record 032): a verified region or
// intermediary sees which companies Testarena has not reached and writes one message to every
// company matching stated criteria; companies see what they received and may opt out.

const sv = {
  'outreach.orgLink.sent': 'Utskick till företag',
  'outreach.orgLink.reach': 'Räckvidd bland små och medelstora företag',
  'outreach.orgLink.received': 'Utskick till oss',
  'outreach.back': 'Till organisationens sida',

  'outreach.criteria.size': 'Storlek',
  'outreach.criteria.sectors': 'Bransch',
  'outreach.criteria.area': 'Område',
  'outreach.criteria.all': 'alla',
  'outreach.criteria.sweden': 'hela Sverige',
  'outreach.criteria.themes': 'Teman',
  'outreach.counts':
    'Nådde {recipients} företag. {matched} matchade urvalet; {optedOut} av dem har valt bort utskick och fick det inte.',

  'outreach.list.title': 'Utskick från {name}',
  'outreach.list.intro':
    'Ett utskick är ett meddelande till alla företag som matchar ett urval: storlek, bransch, län, kommun och tema. Databasen väljer mottagarna utifrån urvalet, så ingen kan väljas för hand, och företag som valt bort utskick får det inte. Urvalet och antalet mottagare sparas och kan inte ändras.',
  'outreach.list.new': 'Skriv ett nytt utskick',
  'outreach.list.empty': 'Ni har inte skickat något utskick ännu.',
  'outreach.list.sentBy': 'Skickat {date} av {name}',
  'outreach.list.sent': 'Utskicket är skickat till {count} företag.',

  'outreach.new.title': 'Nytt utskick till företag',
  'outreach.new.intro':
    'Skriv meddelandet och ange urvalet. Förhandsgranska först: du ser hur många företag som matchar och hur många som valt bort utskick. Meddelandet går sedan till alla som matchar – det går inte att välja bort eller lägga till enskilda företag.',
  'outreach.new.subject': 'Ämne',
  'outreach.new.body': 'Meddelande',
  'outreach.new.bodyHint':
    'Vanlig text. Testarena lägger till urvalet och en länk där företaget kan välja bort utskick.',
  'outreach.new.sizes': 'Företagens storlek',
  'outreach.new.sizesHint': 'Välj minst en storleksklass.',
  'outreach.new.sectors': 'Branscher',
  'outreach.new.sectorsHint': 'Välj ingen för att nå alla branscher.',
  'outreach.new.themes': 'Teman som företagen är intresserade av',
  'outreach.new.themesHint':
    'Ett företag matchar om det har angett intresse för minst ett av de valda temana. Välj inget för att nå alla företag, oavsett tema.',
  'outreach.new.county': 'Län',
  'outreach.new.countyAll': 'Hela Sverige',
  'outreach.new.municipality': 'Kommun',
  'outreach.new.municipalityAll': 'Hela länet',
  'outreach.new.municipalityHint': 'Kommunen ska ligga i det valda länet.',
  'outreach.new.preview': 'Förhandsgranska mottagare',
  'outreach.new.previewTitle': 'Mottagare',
  'outreach.new.previewCounts':
    '{recipients} företag får meddelandet. {matched} matchar urvalet; {optedOut} av dem har valt bort utskick och får det inte.',
  'outreach.new.previewNone':
    'Inget företag matchar urvalet. Ändra urvalet och förhandsgranska igen.',
  'outreach.new.send': 'Skicka till {count} företag',
  'outreach.new.cancel': 'Avbryt',
  'outreach.form.error.sizes': 'Välj minst en storleksklass.',
  'outreach.form.error.municipality': 'Välj en kommun i det valda länet, eller hela länet.',

  'outreach.received.title': 'Utskick till {name}',
  'outreach.received.intro':
    'Här ser ni de utskick ni har fått via Testarena. Ett utskick går alltid till alla företag som matchar ett urval – ni har inte valts ut för hand.',
  'outreach.received.empty': 'Ni har inte fått något utskick.',
  'outreach.received.from': 'Från {name}, {date}',
  'outreach.received.criteria': 'Urval',
  'outreach.optOut.title': 'Ta emot utskick',
  'outreach.optOut.label': 'Vi vill inte få utskick från regioner och mellanaktörer via Testarena',
  'outreach.optOut.hint':
    'Era medlemmar får då inga utskick. Ni räknas fortfarande i antalet matchande företag, som ett företag som valt bort utskick.',
  'outreach.optOut.save': 'Spara val',
  'outreach.optOut.savedOut': 'Sparat: ni får inga utskick.',
  'outreach.optOut.savedIn': 'Sparat: ni tar emot utskick.',
  'outreach.optOut.stateOut': 'Ni har valt bort utskick.',
  'outreach.optOut.stateIn': 'Ni tar emot utskick.',
  'outreach.settings.title': 'Utskick',
  'outreach.settings.link': 'Se de utskick ni har fått',
  'outreach.themes.title': 'Teman ni är intresserade av',
  'outreach.themes.intro':
    'Regioner och mellanaktörer kan rikta ett utskick till företag som är intresserade av ett tema. Utskicket går alltid till alla företag som matchar urvalet; ingen ser vilka teman ni valt.',
  'outreach.themes.legend': 'Teman',
  'outreach.themes.save': 'Spara teman',
  'outreach.themes.saved': 'Sparat: era teman är uppdaterade.',

  'outreach.reach.title': 'Räckvidd bland företag i {county}',
  'outreach.reach.intro':
    'Vilka företag har Testarena ännu inte nått? Ett företag räknas som nått när det har sökt en testbädd, lämnat anbud i en upphandling vars anbud öppnats, haft en pilot, eller har en kontakt i kontaktloggen som ni registrerat eller som företaget delar.',
  'outreach.reach.county': 'Län',
  'outreach.reach.show': 'Visa',
  'outreach.reach.neverTitle': 'Företag som aldrig nåtts',
  'outreach.reach.bySize': 'Efter storlek',
  'outreach.reach.bySector': 'Efter bransch (ett företag kan ha flera)',
  'outreach.reach.byMunicipality': 'Efter kommun',
  'outreach.reach.col.group': 'Grupp',
  'outreach.reach.col.size': 'Storlek',
  'outreach.reach.col.sector': 'Bransch',
  'outreach.reach.col.municipality': 'Kommun',
  'outreach.reach.col.companies': 'Företag',
  'outreach.reach.col.never': 'Aldrig nådda',
  'outreach.reach.col.share': 'Andel aldrig nådda',
  'outreach.reach.noSector': 'Ingen bransch angiven',
  'outreach.reach.noMunicipality': 'Ingen kommun angiven',
  'outreach.reach.empty': 'Det finns inga företag i länet i Testarena ännu.',
  'outreach.reach.firstTitle': 'Nya deltagare per kvartal',
  'outreach.reach.firstIntro':
    'Företag i länet vars första ansökan, anbud eller pilot kom under kvartalet (de senaste åtta kvartalen med nya deltagare).',
  'outreach.reach.firstEmpty': 'Inga företag i länet har deltagit ännu.',
  'outreach.reach.col.quarter': 'Kvartal',
  'outreach.reach.col.first': 'Nya deltagare',
  'outreach.reach.col.firstSmes': 'Varav små och medelstora',
  'outreach.reach.shareTitle': 'Andel små och medelstora företag',
  'outreach.reach.shareIntro':
    'Per år, bland företag som sökt testbäddar, lämnat anbud (efter öppningen) och vunnit upphandlingar i länet. Varje cell: små och medelstora företag av alla företag.',
  'outreach.reach.shareEmpty': 'Inga ansökningar, öppnade anbud eller tilldelningar i länet ännu.',
  'outreach.reach.col.year': 'År',
  'outreach.reach.col.applicants': 'Sökande',
  'outreach.reach.col.bidders': 'Anbudsgivare',
  'outreach.reach.col.winners': 'Vinnare',
  'outreach.reach.cell': '{smes} av {companies} ({share})',
  'outreach.reach.cellNone': 'inga',
  'outreach.reach.sendLink': 'Skriv ett utskick till företag',
  'outreach.reach.series.first': 'Alla nya deltagare',
  'outreach.reach.series.firstSmes': 'Små och medelstora',
  'outreach.reach.firstChartDesc':
    'Kvartal {from} till {to}. Senaste kvartalet: {companies} nya deltagare, varav {smes} små och medelstora.',
  'outreach.reach.shareChartDesc':
    'Andel små och medelstora företag per år, {from} till {to}. År {to}: sökande {applicants}, anbudsgivare {bidders}, vinnare {winners}.',

  'mail.outreach.subject': '{subject} (utskick från {sender})',
  'mail.outreach.body':
    'Hej!\n\n{sender} skickar det här meddelandet via Testarena till alla företag som matchar urvalet ({criteria}). Det gick till {count} företag; ingen valdes ut för hand.\n\n---\n\n{body}\n\n---\n\nVill ni inte få fler utskick via Testarena? Välj bort dem här:\n{optOut}',
} as const

const en: Record<keyof typeof sv, string> = {
  'outreach.orgLink.sent': 'Outreach to companies',
  'outreach.orgLink.reach': 'Reach among small and medium-sized companies',
  'outreach.orgLink.received': 'Outreach to us',
  'outreach.back': "To the organisation's page",

  'outreach.criteria.size': 'Size',
  'outreach.criteria.sectors': 'Sector',
  'outreach.criteria.area': 'Area',
  'outreach.criteria.all': 'all',
  'outreach.criteria.sweden': 'all of Sweden',
  'outreach.criteria.themes': 'Themes',
  'outreach.counts':
    'Reached {recipients} companies. {matched} matched the criteria; {optedOut} of them have opted out of outreach and did not get it.',

  'outreach.list.title': 'Outreach from {name}',
  'outreach.list.intro':
    'An outreach is one message to every company matching stated criteria: size, sector, county, municipality and theme. The database chooses the recipients from the criteria, so nobody can be picked by hand, and companies that opted out do not get it. The criteria and the number of recipients are stored and cannot be changed.',
  'outreach.list.new': 'Write a new outreach',
  'outreach.list.empty': 'You have not sent any outreach yet.',
  'outreach.list.sentBy': 'Sent {date} by {name}',
  'outreach.list.sent': 'The outreach has been sent to {count} companies.',

  'outreach.new.title': 'New outreach to companies',
  'outreach.new.intro':
    'Write the message and state the criteria. Preview first: you see how many companies match and how many have opted out. The message then goes to every match – single companies cannot be left out or added.',
  'outreach.new.subject': 'Subject',
  'outreach.new.body': 'Message',
  'outreach.new.bodyHint':
    'Plain text. Testarena adds the criteria and a link where the company can opt out of outreach.',
  'outreach.new.sizes': 'Company size',
  'outreach.new.sizesHint': 'Choose at least one size class.',
  'outreach.new.sectors': 'Sectors',
  'outreach.new.sectorsHint': 'Choose none to reach every sector.',
  'outreach.new.themes': 'Themes the companies are interested in',
  'outreach.new.themesHint':
    'A company matches when it has stated an interest in at least one of the chosen themes. Choose none to reach every company, whatever its themes.',
  'outreach.new.county': 'County',
  'outreach.new.countyAll': 'All of Sweden',
  'outreach.new.municipality': 'Municipality',
  'outreach.new.municipalityAll': 'The whole county',
  'outreach.new.municipalityHint': 'The municipality must be in the chosen county.',
  'outreach.new.preview': 'Preview recipients',
  'outreach.new.previewTitle': 'Recipients',
  'outreach.new.previewCounts':
    '{recipients} companies will get the message. {matched} match the criteria; {optedOut} of them have opted out of outreach and will not get it.',
  'outreach.new.previewNone': 'No company matches the criteria. Change them and preview again.',
  'outreach.new.send': 'Send to {count} companies',
  'outreach.new.cancel': 'Cancel',
  'outreach.form.error.sizes': 'Choose at least one size class.',
  'outreach.form.error.municipality':
    'Choose a municipality in the chosen county, or the whole county.',

  'outreach.received.title': 'Outreach to {name}',
  'outreach.received.intro':
    'Here you see the outreach you have received through Testarena. An outreach always goes to every company matching stated criteria – you were not picked by hand.',
  'outreach.received.empty': 'You have not received any outreach.',
  'outreach.received.from': 'From {name}, {date}',
  'outreach.received.criteria': 'Criteria',
  'outreach.optOut.title': 'Receiving outreach',
  'outreach.optOut.label':
    'We do not want outreach from regions and intermediaries through Testarena',
  'outreach.optOut.hint':
    'Your members then get no outreach. You are still counted among the matching companies, as one that opted out.',
  'outreach.optOut.save': 'Save choice',
  'outreach.optOut.savedOut': 'Saved: you get no outreach.',
  'outreach.optOut.savedIn': 'Saved: you receive outreach.',
  'outreach.optOut.stateOut': 'You have opted out of outreach.',
  'outreach.optOut.stateIn': 'You receive outreach.',
  'outreach.settings.title': 'Outreach',
  'outreach.settings.link': 'See the outreach you have received',
  'outreach.themes.title': 'Themes you are interested in',
  'outreach.themes.intro':
    'Regions and intermediaries can address an outreach to companies interested in a theme. An outreach always goes to every company matching its criteria; nobody sees which themes you chose.',
  'outreach.themes.legend': 'Themes',
  'outreach.themes.save': 'Save themes',
  'outreach.themes.saved': 'Saved: your themes are updated.',

  'outreach.reach.title': 'Reach among companies in {county}',
  'outreach.reach.intro':
    'Which companies has Testarena not reached yet? A company counts as reached when it has applied to a test bed, bid in a call whose bids were opened, had a pilot, or has a contact in the contact ledger that you recorded or that the company shares.',
  'outreach.reach.county': 'County',
  'outreach.reach.show': 'Show',
  'outreach.reach.neverTitle': 'Companies never reached',
  'outreach.reach.bySize': 'By size',
  'outreach.reach.bySector': 'By sector (a company may have several)',
  'outreach.reach.byMunicipality': 'By municipality',
  'outreach.reach.col.group': 'Group',
  'outreach.reach.col.size': 'Size',
  'outreach.reach.col.sector': 'Sector',
  'outreach.reach.col.municipality': 'Municipality',
  'outreach.reach.col.companies': 'Companies',
  'outreach.reach.col.never': 'Never reached',
  'outreach.reach.col.share': 'Share never reached',
  'outreach.reach.noSector': 'No sector stated',
  'outreach.reach.noMunicipality': 'No municipality stated',
  'outreach.reach.empty': 'There are no companies from the county in Testarena yet.',
  'outreach.reach.firstTitle': 'First-time participants per quarter',
  'outreach.reach.firstIntro':
    'Companies in the county whose first application, bid or pilot came in the quarter (the last eight quarters with first-timers).',
  'outreach.reach.firstEmpty': 'No company in the county has taken part yet.',
  'outreach.reach.col.quarter': 'Quarter',
  'outreach.reach.col.first': 'First-time participants',
  'outreach.reach.col.firstSmes': 'Of which small and medium-sized',
  'outreach.reach.shareTitle': 'Share of small and medium-sized companies',
  'outreach.reach.shareIntro':
    'Per year, among companies that applied to test beds, bid (after the opening) and won calls in the county. Each cell: small and medium-sized companies of all companies.',
  'outreach.reach.shareEmpty': 'No applications, opened bids or awards in the county yet.',
  'outreach.reach.col.year': 'Year',
  'outreach.reach.col.applicants': 'Applicants',
  'outreach.reach.col.bidders': 'Bidders',
  'outreach.reach.col.winners': 'Winners',
  'outreach.reach.cell': '{smes} of {companies} ({share})',
  'outreach.reach.cellNone': 'none',
  'outreach.reach.sendLink': 'Write an outreach to companies',
  'outreach.reach.series.first': 'All first-time participants',
  'outreach.reach.series.firstSmes': 'Small and medium-sized',
  'outreach.reach.firstChartDesc':
    'Quarters {from} to {to}. Latest quarter: {companies} first-time participants, {smes} of them small or medium-sized.',
  'outreach.reach.shareChartDesc':
    'Share of small and medium-sized companies per year, {from} to {to}. In {to}: applicants {applicants}, bidders {bidders}, winners {winners}.',

  'mail.outreach.subject': '{subject} (outreach from {sender})',
  'mail.outreach.body':
    'Hello,\n\n{sender} sends this message through Testarena to every company matching the criteria ({criteria}). It went to {count} companies; nobody was picked by hand.\n\n---\n\n{body}\n\n---\n\nWould you rather not receive outreach through Testarena? Opt out here:\n{optOut}',
}

export default { sv, en }
