// Texts for the public analytics page and its CSV downloads (issue 15, part 9; decision 034).
const sv = {
  'analytics.title': 'Statistik: från testbädd till referens',
  'analytics.lead':
    'Hur många testbäddserbjudanden blir piloter, upphandlingar, tilldelningar och publicerade referenser? Siffrorna räknas direkt ur Testarenas data, per län och tema, och varje tabell kan laddas ned.',
  'analytics.filter.title': 'Välj län och tema',
  'analytics.filter.county': 'Län',
  'analytics.filter.countyAll': 'Alla län',
  'analytics.filter.theme': 'Tema',
  'analytics.filter.themeAll': 'Alla teman',
  'analytics.filter.submit': 'Visa statistik',
  'analytics.filter.clear': 'Rensa filter',
  'analytics.empty':
    'Det finns inga uppgifter ännu för det här urvalet: inget testbäddserbjudande, ingen pilot, upphandling eller referens. Välj ett annat län eller tema, eller rensa filtren.',
  'analytics.none': '–',
  'analytics.noneHint':
    '”–” betyder att det inte finns något att räkna på, till exempel en andel av noll.',
  'analytics.csv': 'Ladda ned ”{table}” som CSV',
  'analytics.csvHint':
    'CSV-filerna är semikolonavgränsade med decimalkomma och UTF-8, så att svenska Excel öppnar dem med å, ä och ö.',

  'analytics.def.title': 'Så räknar vi',
  'analytics.def.offers':
    'Testbäddserbjudanden: erbjudanden som har publicerats (även de som senare pausats, stängts eller arkiverats). Räknas i erbjudandets län och teman, det år de publicerades.',
  'analytics.def.pilots':
    'Piloter: piloter som har startat, det vill säga ansökningar som värden har godkänt. Räknas i testbäddserbjudandets län och teman, det år ansökan godkändes.',
  'analytics.def.calls':
    'Upphandlingar: upphandlingar som har publicerats, alla förfaranden (även marknadsdialoger). Räknas i upphandlingens län och teman, det år de publicerades.',
  'analytics.def.awards':
    'Tilldelningar: upphandlingar där köparen har fattat tilldelningsbeslut. Räknas i upphandlingens län och teman, det år beslutet fattades.',
  'analytics.def.references':
    'Referenser: referensfall som är publicerade nu. Räknas i länet och temana för det de kommer från (pilotens testbäddserbjudande eller den tilldelade upphandlingen), det år de först publicerades.',
  'analytics.def.conversion':
    'Gick vidare: av testbäddserbjudandena, de som fått minst en pilot; av piloterna, de som en publicerad upphandling bygger på (upphandlingen redovisar piloten öppet); av upphandlingarna, de som tilldelats, räknat av dem som kan tilldelas (marknadsdialoger avslutas utan tilldelning); av tilldelningarna, de som blivit ett publicerat referensfall.',
  'analytics.def.median':
    'Mediantid: antal dagar från att en upphandling publicerades till tilldelningsbeslutet, mittvärdet bland tilldelade upphandlingar (medelvärdet av de två mittersta vid jämnt antal).',
  'analytics.def.sme':
    'Små och medelstora företag: företag som angett storleksklass mikro, liten eller medelstor (EU:s definition). Sökande är företag som skickat in en ansökan om att pilotera; anbudsgivare är företag vars anbud har öppnats; vinnare är företag som tilldelats en upphandling. Varje företag räknas en gång per roll.',
  'analytics.def.sealed':
    'Förseglade anbud förblir förseglade: ett anbud räknas först när köparen har öppnat anbuden i upphandlingen, och en ansökan till en omgång först när omgångens sista ansökningsdag har passerat.',
  'analytics.def.repeat':
    'Återköp: tilldelningar till ett företag som samma köpare redan tilldelat en tidigare upphandling; tilldelningar till ett företag som tidigare piloterat hos köparen; och tilldelningar till ett företag som redan hade ett publicerat referensfall.',
  'analytics.def.years': 'År räknas i svensk tid.',

  'analytics.stage.offers': 'Testbäddserbjudanden',
  'analytics.stage.pilots': 'Piloter',
  'analytics.stage.calls': 'Upphandlingar',
  'analytics.stage.awards': 'Tilldelningar',
  'analytics.stage.references': 'Referenser',

  'analytics.pipeline.title': 'Från testbädd till referens',
  'analytics.pipeline.caption': 'Antal i varje steg och hur många som gick vidare',
  'analytics.pipeline.chartTitle': 'Stapeldiagram över antal i varje steg',
  'analytics.pipeline.chartDesc':
    '{offers} testbäddserbjudanden, {pilots} piloter, {calls} upphandlingar, {awards} tilldelningar och {references} referenser.',
  'analytics.median.value':
    'Mediantid från publicering till tilldelning: {days} dagar, bland {calls} tilldelade upphandlingar.',
  'analytics.median.none':
    'Ingen upphandling har tilldelats i det här urvalet ännu, så det finns ingen mediantid.',

  'analytics.years.title': 'År för år',
  'analytics.years.caption': 'Antal i varje steg per år',
  'analytics.years.chartTitle': 'Linjediagram över antal i varje steg per år',
  'analytics.years.chartDesc': 'En linje per steg, från {first} till {last}.',

  'analytics.counties.title': 'Per län',
  'analytics.counties.caption': 'Antal i varje steg per län',
  'analytics.themes.title': 'Per tema',
  'analytics.themes.caption': 'Antal i varje steg per tema',
  'analytics.themes.note':
    'Ett erbjudande eller en upphandling med flera teman räknas under vart och ett av dem.',

  'analytics.sme.title': 'Små och medelstora företag',
  'analytics.sme.caption':
    'Andel små och medelstora företag bland sökande, anbudsgivare och vinnare',
  'analytics.sme.chartTitle': 'Stapeldiagram över andelen små och medelstora företag per roll',
  'analytics.sme.chartDesc':
    'Sökande {applicants}, anbudsgivare {bidders}, vinnare {winners} (andel små och medelstora företag).',
  'analytics.smeYears.caption': 'Företag och andel små och medelstora företag per år',
  'analytics.smeYears.chartTitle': 'Linjediagram över andelen små och medelstora företag per år',
  'analytics.smeYears.chartDesc': 'En linje per roll: sökande, anbudsgivare och vinnare.',

  'analytics.repeat.title': 'Återköp',
  'analytics.repeat.caption': 'Tilldelningar som är återköp',
  'analytics.repeat.awards': 'Alla tilldelningar',
  'analytics.repeat.sameBuyer': 'Samma köpare har tilldelat företaget förut',
  'analytics.repeat.afterPilot': 'Företaget har piloterat hos köparen',
  'analytics.repeat.referenceCompany': 'Företaget hade redan ett publicerat referensfall',

  'analytics.role.applicants': 'Sökande',
  'analytics.role.bidders': 'Anbudsgivare',
  'analytics.role.winners': 'Vinnare',

  'analytics.col.stage': 'Steg',
  'analytics.col.count': 'Antal',
  'analytics.col.wentOn': 'Gick vidare',
  'analytics.col.of': 'Av',
  'analytics.col.conversion': 'Andel som gick vidare',
  'analytics.col.year': 'År',
  'analytics.col.median': 'Mediantid till tilldelning (dagar)',
  'analytics.col.county': 'Län',
  'analytics.col.theme': 'Tema',
  'analytics.col.role': 'Roll',
  'analytics.col.companies': 'Företag',
  'analytics.col.smes': 'Varav små och medelstora',
  'analytics.col.smeShare': 'Andel små och medelstora',
  'analytics.col.companiesOf.applicants': 'Sökande företag',
  'analytics.col.companiesOf.bidders': 'Anbudsgivare',
  'analytics.col.companiesOf.winners': 'Vinnare',
  'analytics.col.smeShareOf.applicants': 'Andel små och medelstora bland sökande',
  'analytics.col.smeShareOf.bidders': 'Andel små och medelstora bland anbudsgivare',
  'analytics.col.smeShareOf.winners': 'Andel små och medelstora bland vinnare',
  'analytics.col.measure': 'Tilldelningar',
  'analytics.col.awards': 'Antal',
  'analytics.col.shareOfAwards': 'Andel av alla tilldelningar',
} satisfies Record<string, string>

const en: Record<keyof typeof sv, string> = {
  'analytics.title': 'Analytics: from test bed to reference',
  'analytics.lead':
    'How many test-bed offers become pilots, procurement calls, awards and published references? The figures are counted straight from Testarena’s data, per county and theme, and every table can be downloaded.',
  'analytics.filter.title': 'Choose a county and a theme',
  'analytics.filter.county': 'County',
  'analytics.filter.countyAll': 'All counties',
  'analytics.filter.theme': 'Theme',
  'analytics.filter.themeAll': 'All themes',
  'analytics.filter.submit': 'Show analytics',
  'analytics.filter.clear': 'Clear filters',
  'analytics.empty':
    'There is no data yet for this selection: no test-bed offer, pilot, call or reference. Choose another county or theme, or clear the filters.',
  'analytics.none': '–',
  'analytics.noneHint': '“–” means there is nothing to count, such as a share of zero.',
  'analytics.csv': 'Download “{table}” as CSV',
  'analytics.csvHint':
    'The CSV files are separated by semicolons, with decimal commas and UTF-8, so that Swedish Excel opens them with å, ä and ö.',

  'analytics.def.title': 'How we count',
  'analytics.def.offers':
    'Test-bed offers: offers that have been published (including those later paused, closed or archived). Counted in the offer’s county and themes, in the year they were published.',
  'analytics.def.pilots':
    'Pilots: pilots that have started, that is applications the host accepted. Counted in the test-bed offer’s county and themes, in the year the application was accepted.',
  'analytics.def.calls':
    'Calls: procurement calls that have been published, every procedure (market dialogues too). Counted in the call’s county and themes, in the year they were published.',
  'analytics.def.awards':
    'Awards: calls in which the buyer has made an award decision. Counted in the call’s county and themes, in the year of the decision.',
  'analytics.def.references':
    'References: reference cases published now. Counted in the county and themes of their source (the pilot’s test-bed offer or the awarded call), in the year they were first published.',
  'analytics.def.conversion':
    'Went on: of the test-bed offers, those with at least one pilot; of the pilots, those a published call builds on (the call discloses the pilot openly); of the calls, those awarded, out of those that can be awarded (market dialogues end without an award); of the awards, those that became a published reference case.',
  'analytics.def.median':
    'Median time: the number of days from a call’s publication to its award decision, the middle value among awarded calls (the mean of the two middle ones for an even number).',
  'analytics.def.sme':
    'Small and medium-sized enterprises: companies that gave their size class as micro, small or medium (the EU definition). Applicants are companies that submitted an application to pilot; bidders are companies whose bid has been opened; winners are companies awarded a call. Each company counts once per role.',
  'analytics.def.sealed':
    'Sealed bids stay sealed: a bid counts only once the buyer has opened the bids in the call, and an application to a round only once the round’s deadline has passed.',
  'analytics.def.repeat':
    'Repeat purchases: awards to a company the same buyer had already awarded an earlier call; awards to a company that had piloted with the buyer before; and awards to a company that already had a published reference case.',
  'analytics.def.years': 'Years are counted in Swedish time.',

  'analytics.stage.offers': 'Test-bed offers',
  'analytics.stage.pilots': 'Pilots',
  'analytics.stage.calls': 'Calls',
  'analytics.stage.awards': 'Awards',
  'analytics.stage.references': 'References',

  'analytics.pipeline.title': 'From test bed to reference',
  'analytics.pipeline.caption': 'Number at each stage and how many went on',
  'analytics.pipeline.chartTitle': 'Bar chart of the number at each stage',
  'analytics.pipeline.chartDesc':
    '{offers} test-bed offers, {pilots} pilots, {calls} calls, {awards} awards and {references} references.',
  'analytics.median.value':
    'Median time from publication to award: {days} days, among {calls} awarded calls.',
  'analytics.median.none': 'No call has been awarded in this selection yet, so there is no median.',

  'analytics.years.title': 'Year by year',
  'analytics.years.caption': 'Number at each stage per year',
  'analytics.years.chartTitle': 'Line chart of the number at each stage per year',
  'analytics.years.chartDesc': 'One line per stage, from {first} to {last}.',

  'analytics.counties.title': 'Per county',
  'analytics.counties.caption': 'Number at each stage per county',
  'analytics.themes.title': 'Per theme',
  'analytics.themes.caption': 'Number at each stage per theme',
  'analytics.themes.note': 'An offer or a call with several themes counts under each of them.',

  'analytics.sme.title': 'Small and medium-sized enterprises',
  'analytics.sme.caption':
    'Share of small and medium-sized enterprises among applicants, bidders and winners',
  'analytics.sme.chartTitle':
    'Bar chart of the share of small and medium-sized enterprises per role',
  'analytics.sme.chartDesc':
    'Applicants {applicants}, bidders {bidders}, winners {winners} (share of small and medium-sized enterprises).',
  'analytics.smeYears.caption':
    'Companies and share of small and medium-sized enterprises per year',
  'analytics.smeYears.chartTitle':
    'Line chart of the share of small and medium-sized enterprises per year',
  'analytics.smeYears.chartDesc': 'One line per role: applicants, bidders and winners.',

  'analytics.repeat.title': 'Repeat purchases',
  'analytics.repeat.caption': 'Awards that are repeat purchases',
  'analytics.repeat.awards': 'All awards',
  'analytics.repeat.sameBuyer': 'The same buyer had awarded the company before',
  'analytics.repeat.afterPilot': 'The company had piloted with the buyer',
  'analytics.repeat.referenceCompany': 'The company already had a published reference case',

  'analytics.role.applicants': 'Applicants',
  'analytics.role.bidders': 'Bidders',
  'analytics.role.winners': 'Winners',

  'analytics.col.stage': 'Stage',
  'analytics.col.count': 'Number',
  'analytics.col.wentOn': 'Went on',
  'analytics.col.of': 'Of',
  'analytics.col.conversion': 'Share that went on',
  'analytics.col.year': 'Year',
  'analytics.col.median': 'Median time to award (days)',
  'analytics.col.county': 'County',
  'analytics.col.theme': 'Theme',
  'analytics.col.role': 'Role',
  'analytics.col.companies': 'Companies',
  'analytics.col.smes': 'Of which small and medium-sized',
  'analytics.col.smeShare': 'Share small and medium-sized',
  'analytics.col.companiesOf.applicants': 'Applicant companies',
  'analytics.col.companiesOf.bidders': 'Bidders',
  'analytics.col.companiesOf.winners': 'Winners',
  'analytics.col.smeShareOf.applicants': 'Share small and medium-sized among applicants',
  'analytics.col.smeShareOf.bidders': 'Share small and medium-sized among bidders',
  'analytics.col.smeShareOf.winners': 'Share small and medium-sized among winners',
  'analytics.col.measure': 'Awards',
  'analytics.col.awards': 'Number',
  'analytics.col.shareOfAwards': 'Share of all awards',
}

export default { sv, en }
