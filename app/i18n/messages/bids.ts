// The company side of sealed bids (issue 4): the bid page, the receipt and a company's bids.
const sv = {
  'bids.page.title': 'Anbud: {call}',
  'bids.page.biddingAs': 'Du lämnar anbud för {company}.',
  'bids.page.changeCompany': 'Byt företag',
  'bids.page.allBids': 'Alla anbud från {company}',
  'bids.page.backToCall': 'Tillbaka till upphandlingen {call}',
  'bids.call.buyer': 'Upphandlande organisation',
  'bids.call.status': 'Läge',
  'bids.call.deadline': 'Sista anbudsdag',

  'bids.notice.saved': 'Utkastet är sparat. Det är inte inlämnat förrän du lämnar anbudet.',
  'bids.notice.submitted': 'Anbudet är inlämnat. Ett kvitto har också skickats till din e-post.',
  'bids.notice.reconfirmed':
    'Anbudet är bekräftat enligt de ändrade villkoren. Ett nytt kvitto har skickats till din e-post.',
  'bids.notice.withdrawn':
    'Anbudet är återkallat. Du kan lämna ett nytt anbud fram till sista anbudsdag.',
  'bids.notice.unchanged': 'Inget ändrades: det inlämnade anbudet och dess kvitto gäller.',
  'bids.error.title': 'Det gick inte',
  'bids.refusal.buyer':
    'Du är medlem i den upphandlande organisationen och kan därför inte lämna anbud. Anbuden är förseglade till sista anbudsdag, även för er.',
  'bids.noCompany.body': 'Anbud lämnas av företag. Du är inte medlem i något företag på Testarena.',
  'bids.noCompany.register': 'Registrera ett företag',
  'bids.chooseCompany.legend': 'Vilket företag lämnar anbudet?',
  'bids.chooseCompany.submit': 'Fortsätt',

  'bids.receipt.title': 'Anbudets status',
  'bids.receipt.status': 'Status',
  'bids.receipt.notReconfirmed': 'Inte bekräftat igen – öppnas inte.',
  'bids.receipt.submittedAt': 'Mottaget',
  'bids.receipt.exact': '(serverns tid: {time})',
  'bids.receipt.fingerprint': 'Kvittots kontrollsumma (SHA-256)',
  'bids.receipt.contentHash': 'Innehållets kontrollsumma',
  'bids.receipt.updatedAt': 'Senast sparat',
  'bids.receipt.explain':
    'Kontrollsumman räknas på upphandlingen, företaget, innehållets kontrollsumma och mottagningstiden. Den står i öppningsprotokollet, så ni kan kontrollera att det är just detta anbud som öppnas.',

  'bids.form.title': 'Ert anbud',
  'bids.form.editTitle': 'Ändra anbudet',
  'bids.section.requirements': 'Skall-krav',
  'bids.section.requirementsHint':
    'Ange för varje skall-krav om er lösning uppfyller det och hur. Ett anbud som inte uppfyller alla skall-krav kan inte vinna.',
  'bids.section.criteria': 'Utvärderingskriterier',
  'bids.section.offer': 'Lösning och pris',
  'bids.field.met': 'Uppfyller ni kravet {title}?',
  'bids.field.met.yes': 'Ja, kravet uppfylls',
  'bids.field.met.no': 'Nej, kravet uppfylls inte',
  'bids.field.explanation': 'Hur uppfylls {title}?',
  'bids.field.response': 'Ert svar om {title}',
  'bids.field.solution_summary': 'Sammanfattning av lösningen',
  'bids.field.solution_summaryHint': 'Vad ni erbjuder och hur det möter behovet.',
  'bids.field.price_sek': 'Pris i kronor (SEK, exklusive moms)',
  'bids.field.price_sekHint': 'Hela kronor, till exempel 1 500 000.',
  'bids.field.contact_role': 'Kontaktperson (roll)',
  'bids.field.contact_roleHint':
    'Till exempel Säljansvarig. Namn och e-post skickas inte med anbudet.',
  'bids.view.empty': 'Inte ifyllt',
  'bids.submit.help':
    'Ett utkast syns bara för ert företag. Anbudet räknas först när det är inlämnat; fram till sista anbudsdag kan ni ändra eller återkalla det.',
  'bids.submit.save': 'Spara utkast',
  'bids.submit.send': 'Lämna anbud',
  'bids.submit.replace': 'Lämna det ändrade anbudet',

  'bids.required.met': 'Ange om kravet uppfylls.',
  'bids.required.explanation': 'Beskriv hur kravet uppfylls (eller varför inte).',
  'bids.required.response': 'Svara på kriteriet.',
  'bids.required.price_sek': 'Ange priset.',
  'bids.required.solution_summary': 'Sammanfatta lösningen.',
  'bids.required.contact_role': 'Ange kontaktpersonens roll.',
  'bids.errors.price': 'Ange priset i hela kronor, till exempel 1 500 000.',
  'bids.errors.deadline_passed':
    'Sista anbudsdag har passerat. Anbudet kan inte längre lämnas, ändras eller återkallas.',
  'bids.errors.bid_exists':
    'Företaget har redan lämnat ett anbud. Ändra det och lämna det igen, eller återkalla det.',
  'bids.errors.reconfirmIncomplete':
    'De ändrade villkoren kräver svar som anbudet saknar. Komplettera anbudet och lämna det igen.',

  'bids.withdraw.link': 'Återkalla anbudet',
  'bids.withdraw.title': 'Återkalla anbudet?',
  'bids.withdraw.body':
    'Ett återkallat anbud öppnas inte. Ni kan lämna ett nytt anbud fram till sista anbudsdag.',
  'bids.withdraw.confirm': 'Ja, återkalla anbudet',
  'bids.withdraw.cancel': 'Nej, behåll anbudet',
  'bids.withdrawn.again':
    'Anbudet är återkallat. Ni kan ändra det och lämna det igen fram till sista anbudsdag.',
  'bids.reconfirm.title': 'Villkoren har ändrats – bekräfta anbudet',
  'bids.reconfirm.body':
    'Upphandlingen har ändrats efter att ni lämnade anbudet. Ett anbud som inte bekräftas före sista anbudsdag öppnas inte.',
  'bids.reconfirm.amendment': 'Ändring {number}, {date}:',
  'bids.reconfirm.added': 'Nya villkor: {titles}.',
  'bids.reconfirm.removed': 'Borttagna villkor: {titles}.',
  'bids.reconfirm.confirm': 'Bekräfta anbudet oförändrat',
  'bids.reconfirm.orEdit': 'Eller ändra anbudet nedan och lämna det igen.',

  'bids.closed.body':
    'Sista anbudsdag har passerat. Anbudet kan inte längre ändras; så här ser det ut som det lämnades.',
  'bids.closed.cancelled':
    'Upphandlingen är avbruten. Anbudet kan inte längre ändras; så här ser det ut som det sparades.',
  'bids.closed.contentTitle': 'Innehåll',
  'bids.closed.noBid': 'Företaget lämnade inget anbud i den här upphandlingen.',

  'bids.sealProblem.tampered':
    'Anbudets innehåll kan inte dekrypteras med den nuvarande nyckeln: det har ändrats efter att det förseglades, eller förseglades med en nyckel som saknas. Kvittot ovan gäller fortfarande. Kontakta Testarena; före sista anbudsdag kan ni också lämna anbudet på nytt.',
  'bids.sealProblem.content_mismatch':
    'Anbudets innehåll stämmer inte med fingeravtrycket i ert kvitto och visas därför inte. Kontakta Testarena; före sista anbudsdag kan ni också lämna anbudet på nytt.',
  'bids.sealProblem.key_missing':
    'Anbudets innehåll kan inte dekrypteras med den nuvarande nyckeln: nyckeln det förseglades med saknas på servern. Kvittot ovan gäller fortfarande. Kontakta Testarena.',

  'bids.list.title': 'Anbud från {company}',
  'bids.list.back': 'Tillbaka till {company}',
  'bids.list.sealed':
    'Anbuden är förseglade: bara ert företags medlemmar kan läsa dem före sista anbudsdag.',
  'bids.list.empty': 'Företaget har inte påbörjat något anbud.',
  'bids.list.caption': 'Anbud från {company}',
  'bids.list.call': 'Upphandling',
  'bids.list.buyer': 'Upphandlande organisation',
  'bids.list.status': 'Anbudets status',
  'bids.list.callStatus': 'Upphandlingens läge',
  'bids.list.deadline': 'Sista anbudsdag',
  'bids.list.submitted': 'Inlämnat',
  'bids.list.notSubmitted': 'Inte inlämnat',
  'bids.list.findCalls': 'Hitta upphandlingar',

  'mail.bid_receipt.subject': 'Kvitto: anbud i {call} är mottaget',
  'mail.bid_receipt.body':
    'Hej {name}!\n\nTestarena har tagit emot anbudet från {company} i upphandlingen {call} ({buyer}).\n\nMottaget: {time} (serverns tid {exact})\nKontrollsumma (SHA-256): {hash}\n\nAnbudet är förseglat till sista anbudsdag. Ni kan ändra eller återkalla det fram till dess:\n{link}',
} as const

const en: Record<keyof typeof sv, string> = {
  'bids.page.title': 'Bid: {call}',
  'bids.page.biddingAs': 'You are bidding for {company}.',
  'bids.page.changeCompany': 'Change company',
  'bids.page.allBids': 'All bids from {company}',
  'bids.page.backToCall': 'Back to the call {call}',
  'bids.call.buyer': 'Buying organisation',
  'bids.call.status': 'Stage',
  'bids.call.deadline': 'Tender deadline',

  'bids.notice.saved': 'The draft is saved. It is not submitted until you submit the bid.',
  'bids.notice.submitted': 'The bid is submitted. A receipt has also been sent to your email.',
  'bids.notice.reconfirmed':
    'The bid is confirmed under the amended terms. A new receipt has been sent to your email.',
  'bids.notice.withdrawn':
    'The bid is withdrawn. You may submit a new bid until the tender deadline.',
  'bids.notice.unchanged': 'Nothing changed: the submitted bid and its receipt stand.',
  'bids.error.title': 'That did not work',
  'bids.refusal.buyer':
    'You are a member of the buying organisation, so you cannot bid. Bids are sealed until the tender deadline, for you too.',
  'bids.noCompany.body':
    'Bids are made by companies. You are not a member of any company on Testarena.',
  'bids.noCompany.register': 'Register a company',
  'bids.chooseCompany.legend': 'Which company is bidding?',
  'bids.chooseCompany.submit': 'Continue',

  'bids.receipt.title': 'Status of your bid',
  'bids.receipt.status': 'Status',
  'bids.receipt.notReconfirmed': 'Not re-confirmed – will not be opened.',
  'bids.receipt.submittedAt': 'Received',
  'bids.receipt.exact': '(server time: {time})',
  'bids.receipt.fingerprint': 'Receipt fingerprint (SHA-256)',
  'bids.receipt.contentHash': 'Content fingerprint',
  'bids.receipt.updatedAt': 'Last saved',
  'bids.receipt.explain':
    'The fingerprint covers the call, the company, the content fingerprint and the time of receipt. It appears in the opening record, so you can check that exactly this bid is opened.',

  'bids.form.title': 'Your bid',
  'bids.form.editTitle': 'Change the bid',
  'bids.section.requirements': 'Must-haves',
  'bids.section.requirementsHint':
    'For each must-have, say whether your solution meets it and how. A bid that does not meet every must-have cannot win.',
  'bids.section.criteria': 'Evaluation criteria',
  'bids.section.offer': 'Solution and price',
  'bids.field.met': 'Do you meet the requirement {title}?',
  'bids.field.met.yes': 'Yes, the requirement is met',
  'bids.field.met.no': 'No, the requirement is not met',
  'bids.field.explanation': 'How is {title} met?',
  'bids.field.response': 'Your answer on {title}',
  'bids.field.solution_summary': 'Summary of the solution',
  'bids.field.solution_summaryHint': 'What you offer and how it meets the need.',
  'bids.field.price_sek': 'Price in kronor (SEK, excluding VAT)',
  'bids.field.price_sekHint': 'Whole kronor, for example 1 500 000.',
  'bids.field.contact_role': 'Contact person (role)',
  'bids.field.contact_roleHint':
    'For example Sales lead. Names and emails are not part of the bid.',
  'bids.view.empty': 'Not filled in',
  'bids.submit.help':
    'A draft is visible to your company only. The bid counts once it is submitted; until the tender deadline you may change or withdraw it.',
  'bids.submit.save': 'Save draft',
  'bids.submit.send': 'Submit bid',
  'bids.submit.replace': 'Submit the changed bid',

  'bids.required.met': 'Say whether the requirement is met.',
  'bids.required.explanation': 'Describe how the requirement is met (or why not).',
  'bids.required.response': 'Answer the criterion.',
  'bids.required.price_sek': 'Enter the price.',
  'bids.required.solution_summary': 'Summarise the solution.',
  'bids.required.contact_role': 'Enter the contact person’s role.',
  'bids.errors.price': 'Enter the price in whole kronor, for example 1 500 000.',
  'bids.errors.deadline_passed':
    'The tender deadline has passed. The bid can no longer be submitted, changed or withdrawn.',
  'bids.errors.bid_exists':
    'The company has already submitted a bid. Change it and submit it again, or withdraw it.',
  'bids.errors.reconfirmIncomplete':
    'The amended terms need answers the bid lacks. Complete the bid and submit it again.',

  'bids.withdraw.link': 'Withdraw the bid',
  'bids.withdraw.title': 'Withdraw the bid?',
  'bids.withdraw.body':
    'A withdrawn bid is not opened. You may submit a new bid until the tender deadline.',
  'bids.withdraw.confirm': 'Yes, withdraw the bid',
  'bids.withdraw.cancel': 'No, keep the bid',
  'bids.withdrawn.again':
    'The bid is withdrawn. You may change it and submit it again until the tender deadline.',
  'bids.reconfirm.title': 'The terms have changed – confirm your bid',
  'bids.reconfirm.body':
    'The call was amended after you submitted your bid. A bid that is not confirmed before the tender deadline will not be opened.',
  'bids.reconfirm.amendment': 'Amendment {number}, {date}:',
  'bids.reconfirm.added': 'New terms: {titles}.',
  'bids.reconfirm.removed': 'Terms removed: {titles}.',
  'bids.reconfirm.confirm': 'Confirm the bid unchanged',
  'bids.reconfirm.orEdit': 'Or change the bid below and submit it again.',

  'bids.closed.body':
    'The tender deadline has passed. The bid can no longer change; this is how it was submitted.',
  'bids.closed.cancelled':
    'The call has been cancelled. The bid can no longer change; this is how it was saved.',
  'bids.closed.contentTitle': 'Content',
  'bids.closed.noBid': 'The company did not bid in this call.',

  'bids.sealProblem.tampered':
    "This bid's content cannot be decrypted with the current key: it was altered after it was sealed, or sealed with a key that is missing. The receipt above still stands. Contact Testarena; before the deadline you can also submit the bid again.",
  'bids.sealProblem.content_mismatch':
    "This bid's content does not match the fingerprint in your receipt, so it is not shown. Contact Testarena; before the deadline you can also submit the bid again.",
  'bids.sealProblem.key_missing':
    "This bid's content cannot be decrypted with the current key: the key it was sealed with is missing on the server. The receipt above still stands. Contact Testarena.",

  'bids.list.title': 'Bids from {company}',
  'bids.list.back': 'Back to {company}',
  'bids.list.sealed':
    'Bids are sealed: only your company’s members can read them before the tender deadline.',
  'bids.list.empty': 'The company has not started any bid.',
  'bids.list.caption': 'Bids from {company}',
  'bids.list.call': 'Call',
  'bids.list.buyer': 'Buying organisation',
  'bids.list.status': 'Bid status',
  'bids.list.callStatus': 'Call stage',
  'bids.list.deadline': 'Tender deadline',
  'bids.list.submitted': 'Submitted',
  'bids.list.notSubmitted': 'Not submitted',
  'bids.list.findCalls': 'Find calls',

  'mail.bid_receipt.subject': 'Receipt: your bid in {call} has been received',
  'mail.bid_receipt.body':
    'Hello {name},\n\nTestarena has received the bid from {company} in the call {call} ({buyer}).\n\nReceived: {time} (server time {exact})\nFingerprint (SHA-256): {hash}\n\nThe bid is sealed until the tender deadline. You may change or withdraw it until then:\n{link}',
}

export default { sv, en }
