// The buyer's side of a procurement call: drafting, publishing, documents and amendments (issue 4).
const sv = {
  'callEdit.saveDraft': 'Spara utkast',
  'callEdit.noPilots': 'Ni har inga piloter att länka till.',

  'callEdit.dashboard.title': 'Upphandlingar – {name}',
  'callEdit.dashboard.back': 'Till {name}',
  'callEdit.dashboard.lead':
    'Era innovationsupphandlingar och marknadsdialoger, utkast inräknade. Efter sista anbudsdag måste varje upphandling få ett utfall.',
  'callEdit.dashboard.unverified':
    'Organisationen är inte verifierad ännu. Ni kan skriva utkast, men inte publicera dem förrän verifieringen är klar.',
  'callEdit.dashboard.needsOutcome': 'Upphandlingar som behöver ett utfall',
  'callEdit.dashboard.needsOutcomeHelp':
    'Sista anbudsdag har passerat. Öppna anbuden, utvärdera och fatta beslut – eller avbryt med en motivering.',
  'callEdit.dashboard.needsOutcomeShort': 'Behöver ett utfall',
  'callEdit.dashboard.decideFor': 'Utvärdering och beslut: {title}',
  'callEdit.dashboard.new': 'Ny upphandling',
  'callEdit.dashboard.empty': 'Ni har inga upphandlingar ännu.',
  'callEdit.dashboard.caption': 'Era upphandlingar',
  'callEdit.dashboard.col.title': 'Upphandling',
  'callEdit.dashboard.col.procedure': 'Förfarande',
  'callEdit.dashboard.col.status': 'Läge',
  'callEdit.dashboard.col.deadlines': 'Sista dagar',
  'callEdit.dashboard.notice.deleted': 'Utkastet är raderat.',

  'callEdit.new.title': 'Ny upphandling',
  'callEdit.new.back': 'Till era upphandlingar',
  'callEdit.new.lead':
    'Beskriv behovet, inte lösningen. Utkastet syns bara för er organisation tills ni publicerar det.',

  'callEdit.edit.title': 'Upphandlingen {title}',
  'callEdit.edit.heading': 'Upphandlingen {title}',
  'callEdit.edit.links': 'Upphandlingens sidor',
  'callEdit.edit.toDashboard': 'Alla era upphandlingar',
  'callEdit.edit.toPublic': 'Den publika sidan',
  'callEdit.edit.toQuestions': 'Frågor och svar',
  'callEdit.edit.toAmend': 'Publicera en rättelse',
  'callEdit.edit.toEvaluation': 'Öppning, utvärdering och beslut',
  'callEdit.edit.statusHeading': 'Läge',
  'callEdit.edit.current': 'Läge just nu:',
  'callEdit.edit.unverified':
    'Organisationen är inte verifierad. Utkastet kan publiceras först när verifieringen är klar.',
  'callEdit.edit.publishHelp':
    'När upphandlingen publiceras syns den för alla och villkoren låses: därefter ändras de bara genom en publicerad rättelse. Databasen kontrollerar minsta anbudstid, att vikterna summerar till 100 och att en upphandling som bygger på piloter eller dialog redovisar det.',
  'callEdit.edit.publish': 'Publicera upphandlingen',
  'callEdit.edit.publishedHelp':
    'Upphandlingen är publicerad och villkoren är låsta. Ändringar görs genom en rättelse, som alla intresserade får veta om.',
  'callEdit.edit.delete': 'Radera utkastet',
  'callEdit.edit.deleteTitle': 'Radera utkastet?',
  'callEdit.edit.deleteBody':
    'Utkastet, dess kriterier och dokument raderas. Det går inte att ångra.',
  'callEdit.edit.deleteConfirm': 'Ja, radera utkastet',
  'callEdit.edit.deleteCancel': 'Avbryt',
  'callEdit.edit.problemTitle': 'Det gick inte',
  'callEdit.edit.formHeading': 'Utkastet',
  'callEdit.edit.notice.created':
    'Utkastet är sparat. Lägg till dokument och publicera när ni är klara.',
  'callEdit.edit.notice.saved': 'Utkastet är sparat.',
  'callEdit.edit.notice.published': 'Upphandlingen är publicerad.',
  'callEdit.edit.notice.uploaded': 'Dokumentet är uppladdat.',
  'callEdit.edit.notice.removed': 'Dokumentet är borttaget.',
  'callEdit.edit.notice.amended': 'Rättelsen är publicerad och de intresserade har fått besked.',

  'callEdit.section.procedure': 'Förfarande',
  'callEdit.section.need': 'Behovet',
  'callEdit.section.scope': 'Omfattning och plats',
  'callEdit.section.dates': 'Tidsplan',
  'callEdit.section.requirements': 'Skall-krav',
  'callEdit.section.criteria': 'Utvärderingskriterier',
  'callEdit.section.builds': 'Vad upphandlingen bygger på',

  'callEdit.field.procedure': 'Förfarande',
  'callEdit.field.title': 'Upphandlingens rubrik',
  'callEdit.field.summary': 'Sammanfattning',
  'callEdit.field.need': 'Behovet',
  'callEdit.field.flags': 'Innovation',
  'callEdit.field.themes': 'Teman',
  'callEdit.field.cpv': 'CPV-koder',
  'callEdit.field.estimatedValue': 'Uppskattat värde (kronor)',
  'callEdit.field.maxWinners': 'Högst antal vinnare',
  'callEdit.field.county': 'Län',
  'callEdit.field.municipality': 'Kommun',
  'callEdit.field.questionDeadline': 'Sista dag för frågor (svensk tid)',
  'callEdit.field.tenderDeadline': 'Sista anbudsdag (svensk tid)',
  'callEdit.field.standstill': 'Avtalsspärr (dagar)',
  'callEdit.field.pilots': 'Era piloter som upphandlingen bygger på',
  'callEdit.field.dialogues': 'Era marknadsdialoger som upphandlingen bygger på',
  'callEdit.field.disclosure': 'Redovisning av tidigare inblandning',
  'callEdit.field.involved': 'Företag som varit inblandade',

  'callEdit.hint.summary': 'Två–tre meningar som syns i listan över upphandlingar.',
  'callEdit.hint.need':
    'Beskriv vad som ska fungera och vilket resultat ni vill nå – inte en viss produkt. Vanlig text; tomma rader blir stycken.',
  'callEdit.hint.estimatedValue':
    'Krävs för alla förfaranden utom marknadsdialog (som inte leder till köp).',
  'callEdit.hint.maxWinners':
    'Förkommersiell upphandling har minst två vinnare. En marknadsdialog har ingen tilldelning.',
  'callEdit.hint.municipality': 'Lämna tomt om upphandlingen gäller hela länet.',
  'callEdit.hint.minimumPeriod':
    'Minsta tid från publicering till sista anbudsdag: {open} dagar för öppet förfarande, innovationspartnerskap och förkommersiell upphandling, {dialogue} dagar för en marknadsdialog. Alla tider är svensk tid (Europe/Stockholm).',
  'callEdit.hint.questionDeadline':
    'Minst 6 dagar före sista anbudsdag, så att alla svar når alla i tid.',
  'callEdit.hint.tenderDeadline': 'Anbud efter denna tidpunkt tas inte emot.',
  'callEdit.hint.standstill': 'Minst 10 dagar efter tilldelningsbeslutet innan avtal får skrivas.',
  'callEdit.hint.requirements':
    'Krav som varje anbud måste uppfylla (uppfyllt eller inte). Tomma rader räknas inte.',
  'callEdit.hint.criteria':
    'Kriterier som anbuden poängsätts på. Vikterna måste summera till 100. En marknadsdialog har inga viktade kriterier.',
  'callEdit.hint.builds':
    'Bygger upphandlingen på era piloter eller en marknadsdialog måste ni redovisa vad de företagen fått veta (minst 20 tecken) och namnge varje företag som varit med, så att alla anbudsgivare har samma information.',
  'callEdit.hint.disclosure':
    'Det här publiceras för alla: vad piloterna eller dialogen lärde er och vad de inblandade företagen fick veta.',
  'callEdit.hint.involved':
    'Skriv kort hur företaget var inblandat. Företag utan text namnges inte.',

  'callEdit.row.requirement': 'Skall-krav {n}',
  'callEdit.row.criterion': 'Kriterium {n}',
  'callEdit.row.title': 'Rubrik',
  'callEdit.row.description': 'Beskrivning',
  'callEdit.row.weight': 'Vikt (procent)',
  'callEdit.row.involvement': 'Hur {company} var inblandat',

  'callEdit.error.dateTime': 'Ange datum och klockslag.',
  'callEdit.error.questionDeadline':
    'Sista dag för frågor måste vara minst 6 dagar före sista anbudsdag.',
  'callEdit.error.themes': 'Välj minst ett tema.',
  'callEdit.error.standstill': 'Avtalsspärren ska vara mellan 10 och 60 dagar.',
  'callEdit.error.valueRequired': 'Ange det uppskattade värdet.',
  'callEdit.error.value': 'Ange värdet i hela kronor.',
  'callEdit.error.maxWinners': 'Ange ett antal mellan 1 och 10.',
  'callEdit.error.pcpWinners': 'En förkommersiell upphandling har minst två vinnare.',
  'callEdit.error.dialogueCriteria': 'En marknadsdialog har inga viktade kriterier.',
  'callEdit.error.weightsSum': 'Vikterna summerar till {sum}; de måste summera till 100.',
  'callEdit.error.rowTitle': 'Skriv en rubrik (minst 2 tecken).',
  'callEdit.error.weight': 'Ange en vikt mellan 1 och 100.',
  'callEdit.error.fileRequired': 'Välj en fil.',
  'callEdit.error.documentTitle': 'Ge dokumentet en rubrik.',

  'callEdit.documents.heading': 'Upphandlingsdokument',
  'callEdit.documents.none': 'Inga dokument ännu.',
  'callEdit.documents.caption': 'Dokument',
  'callEdit.documents.col.title': 'Dokument',
  'callEdit.documents.col.file': 'Fil',
  'callEdit.documents.col.size': 'Storlek',
  'callEdit.documents.col.actions': 'Åtgärd',
  'callEdit.documents.kb': '{kb} kB',
  'callEdit.documents.superseded': 'Ersatt genom rättelse {n}',
  'callEdit.documents.remove': 'Ta bort',
  'callEdit.documents.removeFor': 'Ta bort {title}',
  'callEdit.documents.upload': 'Ladda upp ett dokument',
  'callEdit.documents.title': 'Dokumentets rubrik',
  'callEdit.documents.file': 'Fil',
  'callEdit.documents.fileHint':
    'PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG eller JPEG, högst 10 MB. Dokumenten kan laddas ner av alla när upphandlingen är publicerad.',
  'callEdit.documents.uploadSubmit': 'Ladda upp',

  'callEdit.amend.title': 'Rättelse av {title}',
  'callEdit.amend.heading': 'Publicera en rättelse av {title}',
  'callEdit.amend.back': 'Tillbaka till upphandlingen',
  'callEdit.amend.closed':
    'Rättelser kan bara publiceras medan upphandlingen är öppen, före sista anbudsdag.',
  'callEdit.amend.lead':
    'Efter publiceringen ändras en upphandling bara genom en publicerad rättelse. Den syns på upphandlingens sida och alla som följer den, har laddat ner dokument eller har ett anbud på gång får ett mejl.',
  'callEdit.amend.extensionRule':
    'Ändrar rättelsen krav, kriterier eller dokument – eller publiceras den inom 6 dagar före sista anbudsdag – måste sista anbudsdag flyttas fram, till tidigast {date}. En tidsfrist kan förlängas men aldrig kortas. Inlämnade anbud måste då bekräftas igen.',
  'callEdit.amend.late':
    'Sista anbudsdag är mindre än 6 dagar bort: varje rättelse måste nu förlänga den.',
  'callEdit.amend.audience': 'Rättelsen mejlas till {count} intresserade personer.',
  'callEdit.amend.summary': 'Vad ändras och varför',
  'callEdit.amend.summaryHint': 'Publiceras för alla och skickas i mejlet.',
  'callEdit.amend.deadlines': 'Tidsfrister',
  'callEdit.amend.tenderHint':
    'Förifyllt med nuvarande sista anbudsdag. Flytta fram den om villkoren ändras.',
  'callEdit.amend.criteria': 'Krav och kriterier',
  'callEdit.amend.retire': 'Ta bort gällande krav eller kriterier',
  'callEdit.amend.retireHint': 'Vikterna som gäller efter rättelsen måste summera till 100.',
  'callEdit.amend.newRequirement': 'Nytt skall-krav {n}',
  'callEdit.amend.newCriterion': 'Nytt kriterium {n}',
  'callEdit.amend.documents': 'Dokument',
  'callEdit.amend.removeDocuments': 'Ersätt (ta bort) gällande dokument',
  'callEdit.amend.documentTitle': 'Nytt dokuments rubrik',
  'callEdit.amend.submit': 'Publicera rättelsen',

  'callEdit.mail.reconfirm':
    'Villkoren har ändrats. Har ni lämnat anbud måste ni bekräfta det igen före sista anbudsdag, annars räknas det inte.',
  'mail.call_amendment.subject': 'Rättelse {number} av upphandlingen {call}',
  'mail.call_amendment.body':
    'Hej!\n\nUpphandlingen {call} har fått en rättelse (nummer {number}).\n\nVad ändras:\n{summary}\n\nSista anbudsdag: {deadline}\n\n{reconfirm}\n\nLäs rättelsen och de gällande villkoren här:\n{link}',
} as const

const en: Record<keyof typeof sv, string> = {
  'callEdit.saveDraft': 'Save draft',
  'callEdit.noPilots': 'You have no pilots to link to.',

  'callEdit.dashboard.title': 'Procurements – {name}',
  'callEdit.dashboard.back': 'Back to {name}',
  'callEdit.dashboard.lead':
    'Your innovation procurements and market dialogues, drafts included. After the tender deadline every call must reach an outcome.',
  'callEdit.dashboard.unverified':
    'Your organisation is not verified yet. You can write drafts but not publish them until it is.',
  'callEdit.dashboard.needsOutcome': 'Calls that need an outcome',
  'callEdit.dashboard.needsOutcomeHelp':
    'The tender deadline has passed. Open the bids, evaluate and decide – or cancel with a reason.',
  'callEdit.dashboard.needsOutcomeShort': 'Needs an outcome',
  'callEdit.dashboard.decideFor': 'Evaluation and decision: {title}',
  'callEdit.dashboard.new': 'New procurement',
  'callEdit.dashboard.empty': 'You have no procurements yet.',
  'callEdit.dashboard.caption': 'Your procurements',
  'callEdit.dashboard.col.title': 'Procurement',
  'callEdit.dashboard.col.procedure': 'Procedure',
  'callEdit.dashboard.col.status': 'Status',
  'callEdit.dashboard.col.deadlines': 'Deadlines',
  'callEdit.dashboard.notice.deleted': 'The draft has been deleted.',

  'callEdit.new.title': 'New procurement',
  'callEdit.new.back': 'Back to your procurements',
  'callEdit.new.lead':
    'Describe the need, not the solution. The draft is visible only to your organisation until you publish it.',

  'callEdit.edit.title': 'Procurement {title}',
  'callEdit.edit.heading': 'Procurement {title}',
  'callEdit.edit.links': 'Pages of this procurement',
  'callEdit.edit.toDashboard': 'All your procurements',
  'callEdit.edit.toPublic': 'The public page',
  'callEdit.edit.toQuestions': 'Questions and answers',
  'callEdit.edit.toAmend': 'Publish an amendment',
  'callEdit.edit.toEvaluation': 'Opening, evaluation and decision',
  'callEdit.edit.statusHeading': 'Status',
  'callEdit.edit.current': 'Current status:',
  'callEdit.edit.unverified':
    'Your organisation is not verified. The draft can be published once verification is complete.',
  'callEdit.edit.publishHelp':
    'Once published the call is visible to everyone and its terms are locked: from then on they change only through a published amendment. The database checks the minimum period, that the weights sum to 100, and that a call building on pilots or dialogue discloses it.',
  'callEdit.edit.publish': 'Publish the procurement',
  'callEdit.edit.publishedHelp':
    'The call is published and its terms are locked. Changes are made by amendment, and everyone interested is told.',
  'callEdit.edit.delete': 'Delete the draft',
  'callEdit.edit.deleteTitle': 'Delete the draft?',
  'callEdit.edit.deleteBody':
    'The draft, its criteria and documents will be deleted. This cannot be undone.',
  'callEdit.edit.deleteConfirm': 'Yes, delete the draft',
  'callEdit.edit.deleteCancel': 'Cancel',
  'callEdit.edit.problemTitle': 'That did not work',
  'callEdit.edit.formHeading': 'The draft',
  'callEdit.edit.notice.created':
    'The draft has been saved. Add documents and publish when you are ready.',
  'callEdit.edit.notice.saved': 'The draft has been saved.',
  'callEdit.edit.notice.published': 'The procurement has been published.',
  'callEdit.edit.notice.uploaded': 'The document has been uploaded.',
  'callEdit.edit.notice.removed': 'The document has been removed.',
  'callEdit.edit.notice.amended':
    'The amendment is published and everyone interested has been told.',

  'callEdit.section.procedure': 'Procedure',
  'callEdit.section.need': 'The need',
  'callEdit.section.scope': 'Scope and place',
  'callEdit.section.dates': 'Timetable',
  'callEdit.section.requirements': 'Must-haves',
  'callEdit.section.criteria': 'Evaluation criteria',
  'callEdit.section.builds': 'What the procurement builds on',

  'callEdit.field.procedure': 'Procedure',
  'callEdit.field.title': 'Title of the procurement',
  'callEdit.field.summary': 'Summary',
  'callEdit.field.need': 'The need',
  'callEdit.field.flags': 'Innovation',
  'callEdit.field.themes': 'Themes',
  'callEdit.field.cpv': 'CPV codes',
  'callEdit.field.estimatedValue': 'Estimated value (SEK)',
  'callEdit.field.maxWinners': 'Maximum number of winners',
  'callEdit.field.county': 'County',
  'callEdit.field.municipality': 'Municipality',
  'callEdit.field.questionDeadline': 'Question deadline (Swedish time)',
  'callEdit.field.tenderDeadline': 'Tender deadline (Swedish time)',
  'callEdit.field.standstill': 'Standstill period (days)',
  'callEdit.field.pilots': 'Your pilots this procurement builds on',
  'callEdit.field.dialogues': 'Your market dialogues this procurement builds on',
  'callEdit.field.disclosure': 'Disclosure of prior involvement',
  'callEdit.field.involved': 'Companies that were involved',

  'callEdit.hint.summary': 'Two or three sentences shown in the list of procurements.',
  'callEdit.hint.need':
    'Describe what must work and the outcome you want – not a particular product. Plain text; blank lines make paragraphs.',
  'callEdit.hint.estimatedValue':
    'Required for every procedure except a market dialogue (which leads to no purchase).',
  'callEdit.hint.maxWinners':
    'Pre-commercial procurement has at least two winners. A market dialogue has no award.',
  'callEdit.hint.municipality': 'Leave empty if the procurement covers the whole county.',
  'callEdit.hint.minimumPeriod':
    'Minimum time from publication to the tender deadline: {open} days for the open procedure, innovation partnership and pre-commercial procurement, {dialogue} days for a market dialogue. All times are Swedish time (Europe/Stockholm).',
  'callEdit.hint.questionDeadline':
    'At least 6 days before the tender deadline, so every answer reaches everyone in time.',
  'callEdit.hint.tenderDeadline': 'Bids after this moment are not accepted.',
  'callEdit.hint.standstill':
    'At least 10 days after the award decision before a contract may be signed.',
  'callEdit.hint.requirements':
    'Requirements every bid must meet (met or not). Empty rows are ignored.',
  'callEdit.hint.criteria':
    'Criteria the bids are scored on. The weights must sum to 100. A market dialogue has no weighted criteria.',
  'callEdit.hint.builds':
    'If the procurement builds on your pilots or a market dialogue you must disclose what those companies learnt (at least 20 characters) and name every company that took part, so every bidder has the same information.',
  'callEdit.hint.disclosure':
    'Published to everyone: what the pilots or the dialogue taught you and what the companies involved were told.',
  'callEdit.hint.involved':
    'Write briefly how the company was involved. Companies without a text are not named.',

  'callEdit.row.requirement': 'Must-have {n}',
  'callEdit.row.criterion': 'Criterion {n}',
  'callEdit.row.title': 'Title',
  'callEdit.row.description': 'Description',
  'callEdit.row.weight': 'Weight (percent)',
  'callEdit.row.involvement': 'How {company} was involved',

  'callEdit.error.dateTime': 'Enter a date and time.',
  'callEdit.error.questionDeadline':
    'The question deadline must be at least 6 days before the tender deadline.',
  'callEdit.error.themes': 'Choose at least one theme.',
  'callEdit.error.standstill': 'The standstill period must be between 10 and 60 days.',
  'callEdit.error.valueRequired': 'Enter the estimated value.',
  'callEdit.error.value': 'Enter the value in whole kronor.',
  'callEdit.error.maxWinners': 'Enter a number between 1 and 10.',
  'callEdit.error.pcpWinners': 'A pre-commercial procurement has at least two winners.',
  'callEdit.error.dialogueCriteria': 'A market dialogue has no weighted criteria.',
  'callEdit.error.weightsSum': 'The weights sum to {sum}; they must sum to 100.',
  'callEdit.error.rowTitle': 'Write a title (at least 2 characters).',
  'callEdit.error.weight': 'Enter a weight between 1 and 100.',
  'callEdit.error.fileRequired': 'Choose a file.',
  'callEdit.error.documentTitle': 'Give the document a title.',

  'callEdit.documents.heading': 'Procurement documents',
  'callEdit.documents.none': 'No documents yet.',
  'callEdit.documents.caption': 'Documents',
  'callEdit.documents.col.title': 'Document',
  'callEdit.documents.col.file': 'File',
  'callEdit.documents.col.size': 'Size',
  'callEdit.documents.col.actions': 'Action',
  'callEdit.documents.kb': '{kb} kB',
  'callEdit.documents.superseded': 'Superseded by amendment {n}',
  'callEdit.documents.remove': 'Remove',
  'callEdit.documents.removeFor': 'Remove {title}',
  'callEdit.documents.upload': 'Upload a document',
  'callEdit.documents.title': 'Document title',
  'callEdit.documents.file': 'File',
  'callEdit.documents.fileHint':
    'PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG or JPEG, at most 10 MB. Anyone can download the documents once the call is published.',
  'callEdit.documents.uploadSubmit': 'Upload',

  'callEdit.amend.title': 'Amendment of {title}',
  'callEdit.amend.heading': 'Publish an amendment of {title}',
  'callEdit.amend.back': 'Back to the procurement',
  'callEdit.amend.closed':
    'Amendments can only be published while the call is open, before its tender deadline.',
  'callEdit.amend.lead':
    'After publication a call changes only through a published amendment. It is shown on the call page, and everyone who follows the call, downloaded its documents or has a bid in progress is mailed.',
  'callEdit.amend.extensionRule':
    'If the amendment changes requirements, criteria or documents – or is published within 6 days of the tender deadline – the tender deadline must move later, to {date} at the earliest. A deadline can be extended but never shortened. Submitted bids must then be re-confirmed.',
  'callEdit.amend.late':
    'The tender deadline is less than 6 days away: every amendment must now extend it.',
  'callEdit.amend.audience': 'The amendment will be mailed to {count} interested people.',
  'callEdit.amend.summary': 'What changes and why',
  'callEdit.amend.summaryHint': 'Published to everyone and sent in the mail.',
  'callEdit.amend.deadlines': 'Deadlines',
  'callEdit.amend.tenderHint':
    'Prefilled with the current tender deadline. Move it later if the terms change.',
  'callEdit.amend.criteria': 'Requirements and criteria',
  'callEdit.amend.retire': 'Remove requirements or criteria in force',
  'callEdit.amend.retireHint': 'The weights in force after the amendment must sum to 100.',
  'callEdit.amend.newRequirement': 'New must-have {n}',
  'callEdit.amend.newCriterion': 'New criterion {n}',
  'callEdit.amend.documents': 'Documents',
  'callEdit.amend.removeDocuments': 'Replace (remove) documents in force',
  'callEdit.amend.documentTitle': 'Title of a new document',
  'callEdit.amend.submit': 'Publish the amendment',

  'callEdit.mail.reconfirm':
    'The terms have changed. If you have submitted a bid you must confirm it again before the tender deadline, or it will not count.',
  'mail.call_amendment.subject': 'Amendment {number} to the procurement {call}',
  'mail.call_amendment.body':
    'Hello,\n\nThe procurement {call} has been amended (amendment {number}).\n\nWhat changes:\n{summary}\n\nTender deadline: {deadline}\n\n{reconfirm}\n\nRead the amendment and the terms in force here:\n{link}',
}

export default { sv, en }
