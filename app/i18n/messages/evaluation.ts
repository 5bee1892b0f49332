// The buyer after the tender deadline: opening, declarations, scoring, outcome (issue 4, area D).
const sv = {
  'evaluation.title': 'Utvärdering: {title}',
  'evaluation.toCall': 'Till annonsens sida',
  'evaluation.status': 'Status: ',
  'evaluation.error.title': 'Det gick inte',

  'evaluation.notice.opened': 'Anbuden är öppnade. Öppningsprotokollet visas nedan.',
  'evaluation.notice.declared':
    'Din jävsförklaring är sparad. Nu kan du läsa och poängsätta anbuden.',
  'evaluation.notice.scored': 'Din bedömning av anbudet är sparad.',
  'evaluation.notice.evaluated': 'Utvärderingen är slutförd och poängen är låsta.',
  'evaluation.notice.awarded': 'Kontraktet är tilldelat. Alla anbudsgivare har fått beslutet.',
  'evaluation.notice.unsuccessful': 'Upphandlingen är avslutad utan resultat.',
  'evaluation.notice.cancelled': 'Upphandlingen är avbruten.',
  'evaluation.notice.concluded': 'Dialogen är avslutad och sammanfattningen publicerad.',
  'evaluation.notice.signed': 'Avtalet är markerat som tecknat.',

  'evaluation.sealed.heading': 'Anbuden är förseglade',
  'evaluation.sealed.body':
    'Anbuden kan öppnas först efter sista anbudsdag ({deadline}). Fram till dess visas ingenting om anbuden – inte ens hur många de är.',

  'evaluation.open.heading': 'Öppna anbuden',
  'evaluation.open.body':
    'Sista anbudsdag har passerat ({deadline}). När anbuden öppnas skapas ett öppningsprotokoll: vem som öppnade, när och vilka anbud som kom in i tid.',
  'evaluation.open.submit': 'Öppna anbuden',

  'evaluation.record.heading': 'Öppningsprotokoll',
  'evaluation.record.openedBy': 'Öppnat av {name} {date}.',
  'evaluation.record.caption': 'Öppnade anbud',
  'evaluation.record.company': 'Företag',
  'evaluation.record.received': 'Mottaget',
  'evaluation.record.receipt': 'Kvittens (fingeravtryck)',
  'evaluation.record.empty': 'Inga anbud kom in i tid.',
  'evaluation.record.notOpened':
    'Öppnades inte: {drafts} utkast som aldrig lämnades in och {notReconfirmed} anbud som inte bekräftades på nytt efter en ändring.',

  'evaluation.notice.opened_unreadable':
    'Anbuden är öppnade, men minst ett anbud kunde inte öppnas. Se öppningsprotokollet nedan; händelsen är loggad.',
  'evaluation.record.unopened': 'Anbud som inte kunde öppnas',
  'evaluation.record.problem.tampered':
    '{company}: anbudet går inte att dekryptera med någon av serverns nycklar. Det har ändrats efter att det förseglades (eller förseglades med en nyckel som saknas).',
  'evaluation.record.problem.content_mismatch':
    '{company}: innehållet stämmer inte med fingeravtrycket i anbudsgivarens kvitto.',
  'evaluation.record.problem.key_missing':
    '{company}: nyckeln som anbudet förseglades med saknas på servern.',
  'evaluation.bid.sealProblem.tampered':
    'Anbudet kan inte dekrypteras med den nuvarande nyckeln: det har ändrats efter att det förseglades, eller förseglades med en nyckel som saknas. Innehållet visas inte. Händelsen är loggad.',
  'evaluation.bid.sealProblem.content_mismatch':
    'Anbudets innehåll stämmer inte med fingeravtrycket i anbudsgivarens kvitto och visas därför inte. Händelsen är loggad.',
  'evaluation.bid.sealProblem.key_missing':
    'Anbudet kan inte dekrypteras med den nuvarande nyckeln: nyckeln det förseglades med saknas på servern. Be driftansvarig att återställa nyckelfilen.',

  'evaluation.declare.heading': 'Jävsförklaring',
  'evaluation.declare.body':
    'Innan du ser anbuden intygar du att du inte har någon intressekonflikt: du är inte anställd av, ägare i eller närstående till någon anbudsgivare. Förklaringen loggas och kan inte tas tillbaka.',
  'evaluation.declare.confirm':
    'Jag intygar att jag inte har någon intressekonflikt i förhållande till anbudsgivarna.',
  'evaluation.declare.submit': 'Lämna jävsförklaringen',
  'evaluation.declare.done': 'Du lämnade din jävsförklaring {date}.',
  'evaluation.declare.conflict':
    'Du är medlem i ett företag som har lämnat anbud och kan därför inte utvärdera den här upphandlingen.',

  'evaluation.evaluators.heading': 'Utvärderare',
  'evaluation.evaluators.caption': 'Utvärderare och hur långt de har kommit',
  'evaluation.evaluators.name': 'Namn',
  'evaluation.evaluators.declared': 'Jävsförklaring',
  'evaluation.evaluators.progress': 'Poängsatt',
  'evaluation.evaluators.empty': 'Ingen har lämnat jävsförklaring ännu.',
  'evaluation.progress': '{scored} av {required}',

  'evaluation.bids.heading': 'Anbud att utvärdera',
  'evaluation.bids.caption': 'Öppnade anbud och dina poäng',
  'evaluation.bids.company': 'Företag',
  'evaluation.bids.mine': 'Dina poäng',
  'evaluation.bids.read': 'Anbud',
  'evaluation.bids.scoreLink': 'Läs och poängsätt anbudet från {company}',
  'evaluation.bids.readLink': 'Läs anbudet från {company}',
  'evaluation.bids.hidden': 'Anbuden visas för utvärderare som har lämnat jävsförklaring.',

  'evaluation.complete.heading': 'Slutför utvärderingen',
  'evaluation.complete.body':
    'När varje utvärderare har poängsatt varje anbud på varje krav och kriterium kan utvärderingen slutföras. Därefter är poängen låsta.',
  'evaluation.complete.submit': 'Slutför utvärderingen',

  'evaluation.unsuccessful.heading': 'Avsluta utan resultat',
  'evaluation.unsuccessful.bodyNoBids':
    'Inga giltiga anbud kom in. Upphandlingen kan avslutas utan resultat.',
  'evaluation.unsuccessful.bodyNoPassing':
    'Inget anbud uppfyller alla skall-krav. Upphandlingen kan avslutas utan resultat.',
  'evaluation.unsuccessful.reason': 'Skäl (publiceras)',
  'evaluation.unsuccessful.submit': 'Avsluta utan resultat',

  'evaluation.conclude.heading': 'Avsluta dialogen',
  'evaluation.conclude.body':
    'En marknadsdialog poängsätts inte. Sammanfatta vad ni har lärt er; sammanfattningen publiceras för alla.',
  'evaluation.conclude.reason': 'Vad dialogen har lärt er (publiceras)',
  'evaluation.conclude.submit': 'Avsluta dialogen',

  'evaluation.ranking.heading': 'Resultat',
  'evaluation.ranking.caption': 'Anbuden i rangordning efter viktad poäng',
  'evaluation.ranking.rank': 'Plats',
  'evaluation.ranking.company': 'Företag',
  'evaluation.ranking.size': 'Storlek',
  'evaluation.ranking.passes': 'Skall-krav',
  'evaluation.ranking.score': 'Viktad poäng',
  'evaluation.ranking.award': 'Tilldelning',
  'evaluation.ranking.met': 'Uppfyllda',
  'evaluation.ranking.notMet': 'Inte uppfyllda',
  'evaluation.ranking.scoreValue': '{score} av 100',
  'evaluation.ranking.winner': 'Vinnare',
  'evaluation.sizeUnknown': 'Ej angiven',

  'evaluation.award.heading': 'Tilldela kontrakt',
  'evaluation.award.body':
    'Högst {max} vinnare. De bäst rankade anbuden som uppfyller alla skall-krav är förvalda; en tilldelning som inte följer poängen godtas inte.',
  'evaluation.award.bids': 'Vinnande anbud',
  'evaluation.award.option': '{company} – {score} poäng',
  'evaluation.award.reason': 'Skäl för tilldelningsbeslutet',
  'evaluation.award.reasonHint':
    'Alla anbudsgivare får samtidigt beslutet med vinnare, poäng, skälen och när avtalsspärren löper ut ({days} dagar).',
  'evaluation.award.submit': 'Tilldela och meddela alla anbudsgivare',

  'evaluation.decision.heading': 'Beslut',
  'evaluation.decision.decided': 'Beslutat {date} av {name}.',
  'evaluation.decision.reason': 'Skäl',
  'evaluation.decision.standstill': 'Avtalsspärren löper ut {date}.',
  'evaluation.sign.heading': 'Avtal',
  'evaluation.sign.body': 'Avtal får tecknas först när avtalsspärren har löpt ut.',
  'evaluation.sign.submit': 'Markera avtalet som tecknat',
  'evaluation.sign.done': 'Avtalet tecknades {date}.',

  'evaluation.cancel.heading': 'Avbryt upphandlingen',
  'evaluation.cancel.body':
    'Upphandlingen kan avbrytas med ett skäl. Skälet publiceras och alla berörda meddelas. Beslutet kan inte ångras.',
  'evaluation.cancel.reason': 'Skäl för att avbryta (publiceras)',
  'evaluation.cancel.confirm': 'Jag förstår att beslutet är slutgiltigt och meddelas alla berörda.',
  'evaluation.cancel.submit': 'Avbryt upphandlingen',
  'evaluation.reasonHint': 'Minst 10 tecken.',
  'evaluation.errors.reasonTooShort': 'Skriv minst 10 tecken.',
  'evaluation.errors.confirm': 'Kryssa i rutan för att bekräfta.',

  'evaluation.bid.title': 'Anbud från {company}',
  'evaluation.bid.back': 'Tillbaka till utvärderingen',
  'evaluation.bid.audited': 'Din läsning av anbudet har loggats.',
  'evaluation.bid.heading': 'Anbudsgivare',
  'evaluation.bid.company': 'Företag',
  'evaluation.bid.size': 'Storlek',
  'evaluation.bid.submitted': 'Inlämnat',
  'evaluation.bid.receipt': 'Kvittens',
  'evaluation.bid.contentHeading': 'Anbudet',
  'evaluation.bid.price': 'Pris',
  'evaluation.bid.noPrice': 'Inget pris angivet',
  'evaluation.bid.summary': 'Lösningen i korthet',
  'evaluation.bid.contact': 'Kontaktperson (roll)',
  'evaluation.bid.requirements': 'Skall-krav',
  'evaluation.bid.criteria': 'Utvärderingskriterier',
  'evaluation.bid.claimsMet': 'Anbudsgivaren: uppfyllt',
  'evaluation.bid.claimsNotMet': 'Anbudsgivaren: inte uppfyllt',
  'evaluation.bid.noAnswer': 'Inte besvarat',
  'evaluation.bid.weight': 'Vikt {weight} %',
  'evaluation.bid.mine': 'Din bedömning: {score}',
  'evaluation.bid.mineMet': 'Din bedömning: uppfyllt',
  'evaluation.bid.mineNotMet': 'Din bedömning: inte uppfyllt',
  'evaluation.bid.locked': 'Utvärderingen är slutförd; poängen är låsta.',
  'evaluation.bid.dialogue': 'En marknadsdialog poängsätts inte.',
  'evaluation.score.heading': 'Din bedömning',
  'evaluation.score.met': 'Uppfyllt',
  'evaluation.score.notMet': 'Inte uppfyllt',
  'evaluation.score.requirementLegend': 'Skall-krav: {title}',
  'evaluation.score.criterionLabel': 'Poäng för {title} (0–10)',
  'evaluation.score.justification': 'Motivering för {title}',
  'evaluation.score.submit': 'Spara bedömningen',

  'evaluation.mail.decision.awarded': 'Kontraktet tilldelas: {winners}.',
  'evaluation.mail.decision.unsuccessful': 'Upphandlingen avslutas utan resultat.',
  'evaluation.mail.decision.cancelled': 'Upphandlingen har avbrutits.',
  'evaluation.mail.decision.concluded': 'Dialogen är avslutad.',
  'evaluation.mail.resultsHeading': 'Resultat (viktad poäng av 100):',
  'evaluation.mail.resultLine': '- {company}{winner}: {score} poäng ({criteria})',
  'evaluation.mail.resultLineFailed':
    '- {company}: uppfyller inte alla skall-krav ({score} poäng; {criteria})',
  'evaluation.mail.winner': ' (vinnare)',
  'evaluation.mail.criterionScore': '{title} {score}/10',
  'evaluation.mail.standstill': 'Avtalsspärren löper ut {date}. Först därefter får avtal tecknas.',

  'mail.call_outcome.subject': 'Beslut i upphandlingen {title}',
  'mail.call_outcome.body':
    'Hej!\n\n{buyer} har fattat beslut i upphandlingen ”{title}”.\n\n{decision}\n\n{details}Skäl:\n{reason}\n\nBeslutet finns också på annonsens sida: {link}',
  'mail.call_cancelled.subject': 'Upphandlingen {title} har avbrutits',
  'mail.call_cancelled.body':
    'Hej!\n\n{buyer} har avbrutit upphandlingen ”{title}”.\n\nSkäl:\n{reason}\n\nLäs mer: {link}',
  'mail.call_outcome_reminder.subject': 'Påminnelse: {title} saknar beslut',
  'mail.call_outcome_reminder.body':
    'Hej!\n\nSista anbudsdag för ”{title}” var {deadline}, men upphandlingen saknar fortfarande ett beslut. Öppna anbuden, utvärdera och tilldela – eller avsluta upphandlingen med ett skäl:\n{link}\n\nVi påminner en gång i veckan tills beslutet finns.',
}

const en: Record<keyof typeof sv, string> = {
  'evaluation.title': 'Evaluation: {title}',
  'evaluation.toCall': 'To the call page',
  'evaluation.status': 'Status: ',
  'evaluation.error.title': 'That did not work',

  'evaluation.notice.opened': 'The bids are open. The opening record is below.',
  'evaluation.notice.declared': 'Your declaration is saved. You can now read and score the bids.',
  'evaluation.notice.scored': 'Your assessment of the bid is saved.',
  'evaluation.notice.evaluated': 'The evaluation is complete and the scores are locked.',
  'evaluation.notice.awarded': 'The contract is awarded. Every bidder has been sent the decision.',
  'evaluation.notice.unsuccessful': 'The procurement has ended without a result.',
  'evaluation.notice.cancelled': 'The procurement is cancelled.',
  'evaluation.notice.concluded': 'The dialogue is concluded and the summary published.',
  'evaluation.notice.signed': 'The contract is marked as signed.',

  'evaluation.sealed.heading': 'The bids are sealed',
  'evaluation.sealed.body':
    'The bids can be opened only after the tender deadline ({deadline}). Until then nothing about the bids is shown – not even how many there are.',

  'evaluation.open.heading': 'Open the bids',
  'evaluation.open.body':
    'The tender deadline has passed ({deadline}). Opening the bids creates an opening record: who opened them, when, and which bids arrived in time.',
  'evaluation.open.submit': 'Open the bids',

  'evaluation.record.heading': 'Opening record',
  'evaluation.record.openedBy': 'Opened by {name} {date}.',
  'evaluation.record.caption': 'Bids opened',
  'evaluation.record.company': 'Company',
  'evaluation.record.received': 'Received',
  'evaluation.record.receipt': 'Receipt (fingerprint)',
  'evaluation.record.empty': 'No bids arrived in time.',
  'evaluation.record.notOpened':
    'Not opened: {drafts} drafts never submitted and {notReconfirmed} bids not re-confirmed after an amendment.',

  'evaluation.notice.opened_unreadable':
    'The bids are open, but at least one bid could not be opened. See the opening record below; this has been logged.',
  'evaluation.record.unopened': 'Bids that could not be opened',
  'evaluation.record.problem.tampered':
    "{company}: none of the server's keys decrypts the bid. It was altered after it was sealed (or sealed with a key that is missing).",
  'evaluation.record.problem.content_mismatch':
    "{company}: the content does not match the fingerprint in the bidder's receipt.",
  'evaluation.record.problem.key_missing':
    '{company}: the key the bid was sealed with is missing on the server.',
  'evaluation.bid.sealProblem.tampered':
    'This bid cannot be decrypted with the current key: it was altered after it was sealed, or sealed with a key that is missing. Its content is not shown. This has been logged.',
  'evaluation.bid.sealProblem.content_mismatch':
    "This bid's content does not match the fingerprint in the bidder's receipt, so it is not shown. This has been logged.",
  'evaluation.bid.sealProblem.key_missing':
    'This bid cannot be decrypted with the current key: the key it was sealed with is missing on the server. Ask the operator to restore the key file.',

  'evaluation.declare.heading': 'Declaration of no conflict of interest',
  'evaluation.declare.body':
    'Before you see the bids you declare that you have no conflict of interest: you are not employed by, an owner of or closely related to any bidder. The declaration is logged and cannot be withdrawn.',
  'evaluation.declare.confirm': 'I declare that I have no conflict of interest with the bidders.',
  'evaluation.declare.submit': 'Make the declaration',
  'evaluation.declare.done': 'You made your declaration {date}.',
  'evaluation.declare.conflict':
    'You are a member of a company that has bid, so you cannot evaluate this procurement.',

  'evaluation.evaluators.heading': 'Evaluators',
  'evaluation.evaluators.caption': 'Evaluators and their progress',
  'evaluation.evaluators.name': 'Name',
  'evaluation.evaluators.declared': 'Declaration',
  'evaluation.evaluators.progress': 'Scored',
  'evaluation.evaluators.empty': 'Nobody has made a declaration yet.',
  'evaluation.progress': '{scored} of {required}',

  'evaluation.bids.heading': 'Bids to evaluate',
  'evaluation.bids.caption': 'Opened bids and your scores',
  'evaluation.bids.company': 'Company',
  'evaluation.bids.mine': 'Your scores',
  'evaluation.bids.read': 'Bid',
  'evaluation.bids.scoreLink': 'Read and score the bid from {company}',
  'evaluation.bids.readLink': 'Read the bid from {company}',
  'evaluation.bids.hidden': 'The bids are shown to evaluators who have made the declaration.',

  'evaluation.complete.heading': 'Complete the evaluation',
  'evaluation.complete.body':
    'Once every evaluator has scored every bid on every must-have and criterion, the evaluation can be completed. The scores are locked from then on.',
  'evaluation.complete.submit': 'Complete the evaluation',

  'evaluation.unsuccessful.heading': 'End without a result',
  'evaluation.unsuccessful.bodyNoBids':
    'No valid bids arrived. The procurement can end without a result.',
  'evaluation.unsuccessful.bodyNoPassing':
    'No bid meets every must-have. The procurement can end without a result.',
  'evaluation.unsuccessful.reason': 'Reason (published)',
  'evaluation.unsuccessful.submit': 'End without a result',

  'evaluation.conclude.heading': 'Conclude the dialogue',
  'evaluation.conclude.body':
    'A market dialogue is not scored. Summarise what you have learnt; the summary is published to everyone.',
  'evaluation.conclude.reason': 'What the dialogue taught you (published)',
  'evaluation.conclude.submit': 'Conclude the dialogue',

  'evaluation.ranking.heading': 'Results',
  'evaluation.ranking.caption': 'The bids ranked by weighted score',
  'evaluation.ranking.rank': 'Rank',
  'evaluation.ranking.company': 'Company',
  'evaluation.ranking.size': 'Size',
  'evaluation.ranking.passes': 'Must-haves',
  'evaluation.ranking.score': 'Weighted score',
  'evaluation.ranking.award': 'Award',
  'evaluation.ranking.met': 'Met',
  'evaluation.ranking.notMet': 'Not met',
  'evaluation.ranking.scoreValue': '{score} of 100',
  'evaluation.ranking.winner': 'Winner',
  'evaluation.sizeUnknown': 'Not stated',

  'evaluation.award.heading': 'Award the contract',
  'evaluation.award.body':
    'At most {max} winners. The best-ranked bids that meet every must-have are preselected; an award that does not follow the scores is refused.',
  'evaluation.award.bids': 'Winning bids',
  'evaluation.award.option': '{company} – {score} points',
  'evaluation.award.reason': 'Reasons for the award decision',
  'evaluation.award.reasonHint':
    'Every bidder is sent the decision at the same moment: winners, scores, the reasons and when the standstill ends ({days} days).',
  'evaluation.award.submit': 'Award and tell every bidder',

  'evaluation.decision.heading': 'Decision',
  'evaluation.decision.decided': 'Decided {date} by {name}.',
  'evaluation.decision.reason': 'Reasons',
  'evaluation.decision.standstill': 'The standstill ends {date}.',
  'evaluation.sign.heading': 'Contract',
  'evaluation.sign.body': 'The contract may be signed only once the standstill has ended.',
  'evaluation.sign.submit': 'Mark the contract as signed',
  'evaluation.sign.done': 'The contract was signed {date}.',

  'evaluation.cancel.heading': 'Cancel the procurement',
  'evaluation.cancel.body':
    'The procurement can be cancelled with a reason. The reason is published and everyone concerned is told. The decision cannot be undone.',
  'evaluation.cancel.reason': 'Reason for cancelling (published)',
  'evaluation.cancel.confirm':
    'I understand that the decision is final and everyone concerned is told.',
  'evaluation.cancel.submit': 'Cancel the procurement',
  'evaluation.reasonHint': 'At least 10 characters.',
  'evaluation.errors.reasonTooShort': 'Write at least 10 characters.',
  'evaluation.errors.confirm': 'Tick the box to confirm.',

  'evaluation.bid.title': 'Bid from {company}',
  'evaluation.bid.back': 'Back to the evaluation',
  'evaluation.bid.audited': 'Your reading of this bid has been logged.',
  'evaluation.bid.heading': 'Bidder',
  'evaluation.bid.company': 'Company',
  'evaluation.bid.size': 'Size',
  'evaluation.bid.submitted': 'Submitted',
  'evaluation.bid.receipt': 'Receipt',
  'evaluation.bid.contentHeading': 'The bid',
  'evaluation.bid.price': 'Price',
  'evaluation.bid.noPrice': 'No price given',
  'evaluation.bid.summary': 'The solution in brief',
  'evaluation.bid.contact': 'Contact (role)',
  'evaluation.bid.requirements': 'Must-haves',
  'evaluation.bid.criteria': 'Evaluation criteria',
  'evaluation.bid.claimsMet': 'Bidder: met',
  'evaluation.bid.claimsNotMet': 'Bidder: not met',
  'evaluation.bid.noAnswer': 'Not answered',
  'evaluation.bid.weight': 'Weight {weight}%',
  'evaluation.bid.mine': 'Your assessment: {score}',
  'evaluation.bid.mineMet': 'Your assessment: met',
  'evaluation.bid.mineNotMet': 'Your assessment: not met',
  'evaluation.bid.locked': 'The evaluation is complete; the scores are locked.',
  'evaluation.bid.dialogue': 'A market dialogue is not scored.',
  'evaluation.score.heading': 'Your assessment',
  'evaluation.score.met': 'Met',
  'evaluation.score.notMet': 'Not met',
  'evaluation.score.requirementLegend': 'Must-have: {title}',
  'evaluation.score.criterionLabel': 'Score for {title} (0–10)',
  'evaluation.score.justification': 'Justification for {title}',
  'evaluation.score.submit': 'Save the assessment',

  'evaluation.mail.decision.awarded': 'The contract is awarded to: {winners}.',
  'evaluation.mail.decision.unsuccessful': 'The procurement ends without a result.',
  'evaluation.mail.decision.cancelled': 'The procurement has been cancelled.',
  'evaluation.mail.decision.concluded': 'The dialogue is concluded.',
  'evaluation.mail.resultsHeading': 'Results (weighted score out of 100):',
  'evaluation.mail.resultLine': '- {company}{winner}: {score} points ({criteria})',
  'evaluation.mail.resultLineFailed':
    '- {company}: does not meet every must-have ({score} points; {criteria})',
  'evaluation.mail.winner': ' (winner)',
  'evaluation.mail.criterionScore': '{title} {score}/10',
  'evaluation.mail.standstill':
    'The standstill ends {date}. No contract may be signed before then.',

  'mail.call_outcome.subject': 'Decision in the procurement {title}',
  'mail.call_outcome.body':
    'Hello,\n\n{buyer} has decided the procurement “{title}”.\n\n{decision}\n\n{details}Reasons:\n{reason}\n\nThe decision is also on the call page: {link}',
  'mail.call_cancelled.subject': 'The procurement {title} has been cancelled',
  'mail.call_cancelled.body':
    'Hello,\n\n{buyer} has cancelled the procurement “{title}”.\n\nReason:\n{reason}\n\nRead more: {link}',
  'mail.call_outcome_reminder.subject': 'Reminder: {title} has no outcome',
  'mail.call_outcome_reminder.body':
    'Hello,\n\nThe tender deadline for “{title}” was {deadline}, but the procurement still has no outcome. Open the bids, evaluate and award – or end the procurement with a reason:\n{link}\n\nWe remind you once a week until there is a decision.',
}

export default { sv, en }
