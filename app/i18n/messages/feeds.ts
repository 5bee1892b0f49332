// Atom feeds and calendar files (issue 16 part 4, decision record 038).

const sv = {
  'feeds.subscribe': 'Prenumerera (Atom)',
  'feeds.calls.title': 'Upphandlingar på Testarena',
  'feeds.calls.subtitle': 'Nya innovationsupphandlingar, nyast först.',
  'feeds.testBeds.title': 'Testbäddar på Testarena',
  'feeds.testBeds.subtitle': 'Nya erbjudanden om testbäddar, nyast först.',
  'feeds.filtered': '{title} (filtrerat)',
  'feeds.entry.deadline': 'Sista dag för anbud: {date}',
  'feeds.calendar.add': 'Lägg till i kalender',
  'feeds.calendar.callQuestions': 'Sista dag för frågor: {title}',
  'feeds.calendar.callTender': 'Sista dag för anbud: {title}',
  'feeds.calendar.callOpening': 'Anbudsöppning: {title}',
  'feeds.calendar.callStandstill': 'Avtalsspärren löper ut: {title}',
  'feeds.calendar.cancelled': 'Upphandlingen är avbruten.',
  'feeds.calendar.buyer': 'Upphandlande organisation: {name}',
  'feeds.calendar.offerDeadline': 'Sista dag för ansökan: {title}',
  'feeds.calendar.offerAvailable': 'Testbädden är tillgänglig: {title}',
  'feeds.calendar.host': 'Värd: {name}',
}

const en: Record<keyof typeof sv, string> = {
  'feeds.subscribe': 'Subscribe (Atom)',
  'feeds.calls.title': 'Procurement calls on Testarena',
  'feeds.calls.subtitle': 'New innovation procurement calls, newest first.',
  'feeds.testBeds.title': 'Test beds on Testarena',
  'feeds.testBeds.subtitle': 'New test-bed offers, newest first.',
  'feeds.filtered': '{title} (filtered)',
  'feeds.entry.deadline': 'Tender deadline: {date}',
  'feeds.calendar.add': 'Add to calendar',
  'feeds.calendar.callQuestions': 'Question deadline: {title}',
  'feeds.calendar.callTender': 'Tender deadline: {title}',
  'feeds.calendar.callOpening': 'Bid opening: {title}',
  'feeds.calendar.callStandstill': 'Standstill period ends: {title}',
  'feeds.calendar.cancelled': 'The call has been cancelled.',
  'feeds.calendar.buyer': 'Contracting authority: {name}',
  'feeds.calendar.offerDeadline': 'Application deadline: {title}',
  'feeds.calendar.offerAvailable': 'Test bed available: {title}',
  'feeds.calendar.host': 'Host: {name}',
}

export default { sv, en }
