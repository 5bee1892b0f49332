// Overlap detection before saving (issue 15, part 4; decision record 030): the similar
// initiatives the new-initiative form shows before the save, the choice, and what the initiative's
// page shows of it (related initiatives for everyone, recorded choices for the organisation).

const sv = {
  'overlap.title': 'Liknande initiativ finns redan',
  'overlap.notice': 'Inget är sparat än: det finns liknande initiativ.',
  'overlap.noticeLink': 'Se dem och välj vad ni vill göra',
  'overlap.intro':
    'Andra organisationer har registrerat initiativ som liknar ert. Ingenting är sparat än: välj längre ner vad ni vill göra. Era uppgifter ovan finns kvar.',
  'overlap.listLabel': 'Liknande initiativ från andra organisationer',
  'overlap.owners': 'Ägs av {owners}',
  'overlap.foundBecause': 'Hittat på grund av: {reasons}',
  'overlap.why.text': 'liknande titel eller beskrivning',
  'overlap.why.themes': 'samma tema',
  'overlap.why.cpv': 'samma CPV-klass',
  'overlap.why.counties': 'samma län',
  'overlap.why.period': 'överlappande period',
  'overlap.choice.legend': 'Vad vill ni göra?',
  'overlap.choice.hint':
    'Valet registreras tillsammans med vilka liknande initiativ som visades. Det syns för er organisation.',
  'overlap.choice.join': 'Be om att bli medägare till ”{title}” (ert initiativ sparas inte)',
  'overlap.choice.related': 'Spara vårt initiativ och länka det som relaterat till ”{title}”',
  'overlap.choice.continue': 'Fortsätt ändå och spara vårt initiativ (ange skäl)',
  'overlap.reason': 'Skäl att fortsätta ändå',
  'overlap.reasonHint': 'Krävs om ni fortsätter ändå, minst fem bokstäver.',
  'overlap.save': 'Spara med vårt val',
  'overlap.error.choose': 'Välj vad ni vill göra med de liknande träffarna.',
  'overlap.related.title': 'Relaterade initiativ',
  'overlap.related.owners': '({owners})',
  'overlap.checks.title': 'Överlappskontroll',
  'overlap.checks.hint': 'Syns bara för medlemmar i organisationen som gjorde valet.',
  'overlap.checks.when': '{date}, {name} ({organisation})',
  'overlap.checks.join':
    'Valde att be om medägarskap i ”{title}” i stället för att registrera ett eget initiativ.',
  'overlap.checks.related': 'Länkade initiativet som relaterat till ”{title}”.',
  'overlap.checks.continue': 'Fortsatte ändå. Skäl: {reason}',
  'overlap.checks.shown': 'Liknande initiativ som visades:',
  'overlap.call.title': 'Liknande utlysningar finns redan',
  'overlap.call.notice': 'Inget är sparat än: andra har publicerat liknande utlysningar.',
  'overlap.call.intro':
    'Andra organisationer har publicerat utlysningar som liknar er. Ingenting är sparat än: välj längre ner vad ni vill göra. Era uppgifter ovan finns kvar.',
  'overlap.call.listLabel': 'Liknande publicerade utlysningar från andra organisationer',
  'overlap.call.buyer': 'Upphandlande organisation: {owners}',
  'overlap.call.choice.related': 'Spara vårt utkast och länka det som relaterat till ”{title}”',
  'overlap.call.choice.continue': 'Fortsätt ändå och spara vårt utkast (ange skäl)',
  'overlap.call.related.title': 'Relaterade utlysningar',
} as const

const en: Record<keyof typeof sv, string> = {
  'overlap.title': 'Similar initiatives already exist',
  'overlap.notice': 'Nothing is saved yet: similar initiatives exist.',
  'overlap.noticeLink': 'See them and choose what to do',
  'overlap.intro':
    'Other organisations have recorded initiatives like yours. Nothing is saved yet: choose below what you want to do. What you entered above is kept.',
  'overlap.listLabel': 'Similar initiatives of other organisations',
  'overlap.owners': 'Owned by {owners}',
  'overlap.foundBecause': 'Found because of: {reasons}',
  'overlap.why.text': 'a similar title or description',
  'overlap.why.themes': 'the same theme',
  'overlap.why.cpv': 'the same CPV class',
  'overlap.why.counties': 'the same county',
  'overlap.why.period': 'an overlapping period',
  'overlap.choice.legend': 'What do you want to do?',
  'overlap.choice.hint':
    'The choice is recorded with the similar initiatives that were shown. Your organisation can see it.',
  'overlap.choice.join': 'Ask to co-own “{title}” (your initiative is not saved)',
  'overlap.choice.related': 'Save our initiative and link it as related to “{title}”',
  'overlap.choice.continue': 'Continue anyway and save our initiative (give a reason)',
  'overlap.reason': 'Reason to continue anyway',
  'overlap.reasonHint': 'Required if you continue anyway, at least five letters.',
  'overlap.save': 'Save with our choice',
  'overlap.error.choose': 'Choose what you want to do about the similar matches.',
  'overlap.related.title': 'Related initiatives',
  'overlap.related.owners': '({owners})',
  'overlap.checks.title': 'Overlap check',
  'overlap.checks.hint': 'Shown only to members of the organisation that made the choice.',
  'overlap.checks.when': '{date}, {name} ({organisation})',
  'overlap.checks.join':
    'Chose to ask to co-own “{title}” instead of recording an initiative of our own.',
  'overlap.checks.related': 'Linked the initiative as related to “{title}”.',
  'overlap.checks.continue': 'Continued anyway. Reason: {reason}',
  'overlap.checks.shown': 'Similar initiatives shown:',
  'overlap.call.title': 'Similar calls already exist',
  'overlap.call.notice': 'Nothing is saved yet: others have published similar calls.',
  'overlap.call.intro':
    'Other organisations have published calls like yours. Nothing is saved yet: choose below what you want to do. What you entered above is kept.',
  'overlap.call.listLabel': 'Similar published calls of other organisations',
  'overlap.call.buyer': 'Buyer: {owners}',
  'overlap.call.choice.related': 'Save our draft and link it as related to “{title}”',
  'overlap.call.choice.continue': 'Continue anyway and save our draft (give a reason)',
  'overlap.call.related.title': 'Related calls',
}

export default { sv, en }
