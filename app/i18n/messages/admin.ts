// Texts for the platform administrators' pages and the development outbox.
// Swedish first; English must have exactly the same keys.
const sv = {
  'admin.verifications.title': 'Verifieringar',
  'admin.verifications.intro':
    'Offentliga och innovationsstödjande aktörer som har registrerat sig väntar här på granskning, äldst först. Kontrollera att organisationsnumret tillhör en region, kommun, myndighet, ett offentligt ägt bolag, ett IUC, kluster, science park, lärosäte eller en främjande myndighet och att personen som registrerade den arbetar där. Organisationens administratörer får beslutet per e-post.',
  'admin.verifications.empty': 'Inga organisationer väntar på verifiering.',
  'admin.verifications.listLabel': 'Organisationer som väntar på verifiering',
  'admin.verifications.orgNumber': 'Organisationsnummer',
  'admin.verifications.type': 'Typ',
  'admin.verifications.county': 'Län',
  'admin.verifications.municipality': 'Kommun',
  'admin.verifications.website': 'Webbplats',
  'admin.verifications.registeredBy': 'Registrerad av',
  'admin.verifications.registeredAt': 'Registrerad',
  'admin.verifications.noAdmin': 'Ingen administratör',
  'admin.verifications.reason': 'Motivering',
  'admin.verifications.reasonHint':
    'Krävs om du avslår. Texten skickas till organisationens administratörer, så skriv vad de behöver rätta.',
  'admin.verifications.reasonRequired': 'Skriv en motivering när du avslår en ansökan.',
  'admin.verifications.verify': 'Verifiera',
  'admin.verifications.reject': 'Avslå',
  'admin.verifications.done.verified':
    '{name} är verifierad. Organisationens administratörer har fått e-post om beslutet.',
  'admin.verifications.done.rejected':
    '{name} har fått avslag. Organisationens administratörer har fått e-post med motiveringen.',
  'outbox.title': 'Utkorg (utveckling)',
  'outbox.intro':
    'All e-post som Testarena skickar hamnar först här. Sidan finns bara i utvecklings- och testmiljöer, så att du kan läsa återställningslänkar och inbjudningar utan en riktig e-postserver.',
  'outbox.filter.legend': 'Filtrera utkorgen',
  'outbox.filter.to': 'Mottagarens e-postadress',
  'outbox.filter.submit': 'Visa',
  'outbox.filter.clear': 'Visa all e-post',
  'outbox.empty': 'Utkorgen är tom.',
  'outbox.emptyFor': 'Ingen e-post till {to}.',
  'outbox.count': '{count} meddelanden, nyast först',
  'outbox.countOne': '1 meddelande',
  'outbox.to': 'Till',
  'outbox.created': 'Skapad',
  'outbox.sent': 'Skickad',
  'outbox.notSent': 'Inte skickad ännu',
  'outbox.nextAttempt': 'Nästa försök',
  'outbox.attempts': 'Försök',
  'outbox.lastError': 'Senaste fel',
  'outbox.template': 'Mall',
  'outbox.body': 'Meddelande',
} as const

const en: Record<keyof typeof sv, string> = {
  'admin.verifications.title': 'Verifications',
  'admin.verifications.intro':
    'Public bodies and innovation intermediaries that have registered wait here for review, oldest first. Check that the organisation number belongs to a region, municipality, government agency, publicly owned company, IUC, cluster, science park, university or funding agency, and that the person who registered it works there. The organisation’s administrators get the decision by email.',
  'admin.verifications.empty': 'No organisations are awaiting verification.',
  'admin.verifications.listLabel': 'Organisations awaiting verification',
  'admin.verifications.orgNumber': 'Organisation number',
  'admin.verifications.type': 'Type',
  'admin.verifications.county': 'County',
  'admin.verifications.municipality': 'Municipality',
  'admin.verifications.website': 'Website',
  'admin.verifications.registeredBy': 'Registered by',
  'admin.verifications.registeredAt': 'Registered',
  'admin.verifications.noAdmin': 'No administrator',
  'admin.verifications.reason': 'Reason',
  'admin.verifications.reasonHint':
    'Required if you reject. The text is sent to the organisation’s administrators, so say what they need to correct.',
  'admin.verifications.reasonRequired': 'Write a reason when you reject an application.',
  'admin.verifications.verify': 'Verify',
  'admin.verifications.reject': 'Reject',
  'admin.verifications.done.verified':
    '{name} is verified. The organisation’s administrators have been emailed the decision.',
  'admin.verifications.done.rejected':
    '{name} has been rejected. The organisation’s administrators have been emailed the reason.',
  'outbox.title': 'Outbox (development)',
  'outbox.intro':
    'Every email Testarena sends lands here first. This page exists only in development and test environments, so you can read reset links and invitations without a real mail server.',
  'outbox.filter.legend': 'Filter the outbox',
  'outbox.filter.to': 'Recipient’s email address',
  'outbox.filter.submit': 'Show',
  'outbox.filter.clear': 'Show all email',
  'outbox.empty': 'The outbox is empty.',
  'outbox.emptyFor': 'No email to {to}.',
  'outbox.count': '{count} messages, newest first',
  'outbox.countOne': '1 message',
  'outbox.to': 'To',
  'outbox.created': 'Created',
  'outbox.sent': 'Sent',
  'outbox.notSent': 'Not sent yet',
  'outbox.nextAttempt': 'Next attempt',
  'outbox.attempts': 'Attempts',
  'outbox.lastError': 'Last error',
  'outbox.template': 'Template',
  'outbox.body': 'Message',
}

export default { sv, en }
