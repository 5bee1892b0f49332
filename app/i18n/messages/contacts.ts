// The company contact ledger (issue 15, decision record 029): the company's own page of contacts
// about it and the market-dialogue disclosure on a call's page.

const sv = {
  'contacts.orgLink.ledger': 'Kontakter med företag',
  'contacts.orgLink.aboutUs': 'Kontakter med oss',
  'contacts.kind.visit': 'Besök',
  'contacts.kind.demo': 'Demonstration',
  'contacts.kind.dialogue_meeting': 'Dialogmöte',
  'contacts.kind.pilot_talk': 'Samtal om pilot',
  'contacts.kind.event': 'Evenemang',
  'contacts.channel.no_preference': 'Inget särskilt önskemål',
  'contacts.channel.through_intermediary':
    'Kontakta oss via vår mellanaktör (till exempel vår IUC)',
  'contacts.channel.testarena_only': 'Kontakta oss bara via Testarena',
  'contacts.aboutUs.title': 'Kontakter med {name}',
  'contacts.aboutUs.back': 'Till organisationens sida',
  'contacts.aboutUs.intro':
    'Här ser ni varje gång en offentlig aktör eller mellanaktör har registrerat en kontakt med er: besök, demonstrationer, dialogmöten, samtal om piloter och evenemang. Andra företag ser aldrig era kontakter.',
  'contacts.aboutUs.shared':
    'Ni delar era kontakter med alla verifierade offentliga aktörer och mellanaktörer.',
  'contacts.aboutUs.notShared':
    'Ni delar inte era kontakter: bara den som registrerade en kontakt ser den.',
  'contacts.aboutUs.preference': 'Ert önskemål: {channel}',
  'contacts.aboutUs.notBefore': 'Inte före {date}',
  'contacts.aboutUs.caption': 'Registrerade kontakter, senaste först',
  'contacts.aboutUs.empty': 'Ingen har registrerat någon kontakt med er ännu.',
  'contacts.col.date': 'Datum',
  'contacts.col.author': 'Registrerad av',
  'contacts.col.company': 'Företag',
  'contacts.col.kind': 'Typ',
  'contacts.col.purpose': 'Syfte',
  'contacts.col.initiative': 'Initiativ',
  'contacts.corrected': 'Rättad (version {revision})',
  'contacts.noInitiative': 'Inget initiativ',
  'contacts.disclosure.title': 'Kontakter med företag före upphandlingen',
  'contacts.disclosure.intro':
    'Köparen har registrerat dessa kontakter med företag inom det initiativ som upphandlingen hör till. De redovisas här så att alla anbudsgivare får samma information.',
  'contacts.disclosure.caption': 'Redovisade kontakter',
  'contacts.ledger.title': 'Kontakter med företag – {name}',
  'contacts.ledger.intro':
    'Registrera varje gång ni tar kontakt med ett företag, så att inte alla knackar på samma dörr. Innan ni registrerar ser ni företagets senaste kontakter (sex månader, om företaget delar dem) och hur det vill bli kontaktat.',
  'contacts.ledger.newTitle': 'Registrera en kontakt',
  'contacts.ledger.chooseCompany': 'Företag',
  'contacts.ledger.showCompany': 'Visa företagets senaste kontakter',
  'contacts.ledger.recentTitle': 'Senaste kontakter med {name}',
  'contacts.ledger.recentCaption': 'Kontakter de senaste sex månaderna som ni får se',
  'contacts.ledger.recentEmpty':
    'Inga kontakter de senaste sex månaderna som ni får se (företaget kanske inte delar sina kontakter).',
  'contacts.ledger.initiativeHint':
    'Kontakter inom ett initiativ redovisas öppet när en upphandling i initiativet publiceras.',
  'contacts.ledger.acknowledge':
    'Jag har sett de senaste kontakterna med {name} och företagets önskemål om hur det vill bli kontaktat.',
  'contacts.ledger.record': 'Registrera kontakten',
  'contacts.ledger.recorded': 'Kontakten är registrerad.',
  'contacts.ledger.recordedTitle': 'Registrerade kontakter',
  'contacts.ledger.caption': 'Kontakter ni har registrerat, senaste först',
  'contacts.ledger.empty': 'Ni har inte registrerat några kontakter ännu.',
  'contacts.form.error.date': 'Ange ett datum som ÅÅÅÅ-MM-DD.',
  'contacts.form.error.acknowledge':
    'Bekräfta att du har sett företagets senaste kontakter och önskemål.',
  'contacts.settings.title': 'Kontakter med offentliga aktörer',
  'contacts.settings.intro':
    'Regioner, kommuner och mellanaktörer registrerar när de tar kontakt med er. Ni ser alltid alla kontakter om er; andra företag ser dem aldrig.',
  'contacts.settings.seeAll': 'Se alla kontakter med er',
  'contacts.settings.share':
    'Dela våra kontakter med alla verifierade offentliga aktörer och mellanaktörer, så att de kan samordna sig',
  'contacts.settings.channel': 'Hur vill ni bli kontaktade?',
  'contacts.settings.note': 'Meddelande till den som vill kontakta er',
  'contacts.settings.notBefore': 'Inte före (datum)',
  'contacts.settings.save': 'Spara inställningarna för kontakter',
  'contacts.settings.saved': 'Inställningarna för kontakter är sparade.',
} as const

const en: Record<keyof typeof sv, string> = {
  'contacts.orgLink.ledger': 'Contacts with companies',
  'contacts.orgLink.aboutUs': 'Contacts with us',
  'contacts.kind.visit': 'Visit',
  'contacts.kind.demo': 'Demo',
  'contacts.kind.dialogue_meeting': 'Dialogue meeting',
  'contacts.kind.pilot_talk': 'Pilot talk',
  'contacts.kind.event': 'Event',
  'contacts.channel.no_preference': 'No particular preference',
  'contacts.channel.through_intermediary': 'Contact us through our intermediary (such as our IUC)',
  'contacts.channel.testarena_only': 'Contact us through Testarena only',
  'contacts.aboutUs.title': 'Contacts with {name}',
  'contacts.aboutUs.back': "To the organisation's page",
  'contacts.aboutUs.intro':
    'Here you see every time a public body or intermediary has recorded a contact with you: visits, demos, dialogue meetings, pilot talks and events. Other companies never see your contacts.',
  'contacts.aboutUs.shared':
    'You share your contacts with all verified public bodies and intermediaries.',
  'contacts.aboutUs.notShared':
    'You do not share your contacts: only whoever recorded a contact sees it.',
  'contacts.aboutUs.preference': 'Your preference: {channel}',
  'contacts.aboutUs.notBefore': 'Not before {date}',
  'contacts.aboutUs.caption': 'Recorded contacts, newest first',
  'contacts.aboutUs.empty': 'Nobody has recorded a contact with you yet.',
  'contacts.col.date': 'Date',
  'contacts.col.author': 'Recorded by',
  'contacts.col.company': 'Company',
  'contacts.col.kind': 'Kind',
  'contacts.col.purpose': 'Purpose',
  'contacts.col.initiative': 'Initiative',
  'contacts.corrected': 'Corrected (version {revision})',
  'contacts.noInitiative': 'No initiative',
  'contacts.disclosure.title': 'Contacts with companies before the call',
  'contacts.disclosure.intro':
    'The buyer recorded these contacts with companies within the initiative this call belongs to. They are disclosed here so that every bidder has the same information.',
  'contacts.disclosure.caption': 'Disclosed contacts',
  'contacts.ledger.title': 'Contacts with companies – {name}',
  'contacts.ledger.intro':
    "Record each time you approach a company, so that not everyone knocks on the same door. Before recording you see the company's recent contacts (six months, if the company shares them) and how it prefers to be approached.",
  'contacts.ledger.newTitle': 'Record a contact',
  'contacts.ledger.chooseCompany': 'Company',
  'contacts.ledger.showCompany': "Show the company's recent contacts",
  'contacts.ledger.recentTitle': 'Recent contacts with {name}',
  'contacts.ledger.recentCaption': 'Contacts in the last six months that you may see',
  'contacts.ledger.recentEmpty':
    'No contacts in the last six months that you may see (the company may not share its contacts).',
  'contacts.ledger.initiativeHint':
    'Contacts within an initiative are disclosed publicly when a call in the initiative is published.',
  'contacts.ledger.acknowledge':
    "I have seen the recent contacts with {name} and the company's preference for how to be approached.",
  'contacts.ledger.record': 'Record the contact',
  'contacts.ledger.recorded': 'The contact is recorded.',
  'contacts.ledger.recordedTitle': 'Recorded contacts',
  'contacts.ledger.caption': 'Contacts you recorded, newest first',
  'contacts.ledger.empty': 'You have not recorded any contacts yet.',
  'contacts.form.error.date': 'Enter a date as YYYY-MM-DD.',
  'contacts.form.error.acknowledge':
    "Confirm that you have seen the company's recent contacts and preference.",
  'contacts.settings.title': 'Contacts with public bodies',
  'contacts.settings.intro':
    'Regions, municipalities and intermediaries record when they approach you. You always see every contact about you; other companies never see them.',
  'contacts.settings.seeAll': 'See all contacts with you',
  'contacts.settings.share':
    'Share our contacts with all verified public bodies and intermediaries, so that they can coordinate',
  'contacts.settings.channel': 'How do you want to be approached?',
  'contacts.settings.note': 'A note for whoever wants to contact you',
  'contacts.settings.notBefore': 'Not before (date)',
  'contacts.settings.save': 'Save the contact settings',
  'contacts.settings.saved': 'The contact settings are saved.',
}

export default { sv, en }
