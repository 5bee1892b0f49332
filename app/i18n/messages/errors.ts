import coordination from './parts/errors-coordination'
import discovery from './parts/errors-discovery'
import savedSearches from './parts/errors-saved-searches'
import ocds from './parts/errors-ocds'

// Validation and rule messages. Zod schemas use these keys as their messages; the UI translates.
const sv = {
  'errors.required': 'Fyll i fältet.',
  'errors.tooLong': 'Texten är för lång.',
  'errors.tooShort': 'Texten är för kort.',
  'errors.email': 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
  'errors.passwordTooShort': 'Lösenordet måste ha minst 8 tecken.',
  'errors.passwordTooLong': 'Lösenordet får ha högst 128 tecken.',
  'errors.passwordCommon': 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
  'errors.passwordMismatch': 'Lösenorden är inte likadana.',
  'errors.orgNumber': 'Ange ett giltigt organisationsnummer, till exempel 556016-0680.',
  'errors.orgNumberPersonal':
    'Det här är ett personnummer. Testarena visar organisationsnumret öppet, så enskilda firmor kan inte registreras med personnummer.',
  'errors.url': 'Ange en webbadress som börjar med https:// eller http://.',
  'errors.choose': 'Välj ett alternativ.',
  'errors.municipalityNotInCounty': 'Kommunen ligger inte i det valda länet.',
  'errors.honeypot': 'Formuläret kunde inte skickas.',
  'errors.domain.reset_used': 'Länken för att återställa lösenordet har redan använts.',
  'errors.domain.verification_by_admin_only':
    'Bara en plattformsadministratör kan verifiera offentliga aktörer.',
  'errors.domain.organisation_identity_fixed':
    'Organisationsnummer och organisationstyp kan inte ändras.',
  'errors.domain.sectors_for_companies_only': 'Branscher anges bara för företag.',
  'errors.domain.last_admin':
    'Organisationen måste ha minst en administratör. Utse en annan administratör först.',
  'errors.domain.invitation_for_other_email':
    'Inbjudan gäller en annan e-postadress än den du är inloggad med.',
  'errors.domain.invitation_closed': 'Inbjudan har redan använts eller återkallats.',
  'errors.domain.outbox_append_only': 'Skickad e-post kan inte ändras eller tas bort.',
  'errors.domain.audit_log_append_only': 'Händelseloggen kan inte ändras.',
  'errors.domain.audit_chain_broken': 'Händelseloggens kedja är bruten.',
  'errors.domain.email_taken': 'Det finns redan ett konto med den e-postadressen.',
  'errors.domain.org_number_taken':
    'En organisation med det organisationsnumret är redan registrerad.',
  'errors.domain.not_found': 'Hittades inte.',
  'errors.domain.already_member': 'Personen är redan medlem i organisationen.',
  'errors.domain.invitation_expired': 'Inbjudan har gått ut. Be om en ny.',
  'errors.domain.reset_invalid': 'Länken är ogiltig eller har gått ut. Begär en ny länk.',
  'errors.domain.wrong_password': 'Nuvarande lösenord är fel.',
  'errors.domain.not_pending':
    'Organisationen väntar inte längre på verifiering. Någon annan kan redan ha beslutat.',
  'errors.domain.reason_required': 'Skriv en motivering.',
  'errors.domain.municipality_not_in_county': 'Kommunen ligger inte i det valda länet.',
  'errors.domain.rename_needs_review':
    'En verifierad offentlig aktör som byter namn måste verifieras på nytt.',
  'errors.domain.host_not_public_body': 'Bara offentliga aktörer kan erbjuda testbäddar.',
  'errors.domain.not_host_member': 'Du är inte medlem i organisationen som erbjuder testbädden.',
  'errors.domain.host_fixed': 'Testbäddens värd kan inte bytas.',
  'errors.domain.invalid_transition': 'Det steget går inte att ta i nuvarande läge.',
  'errors.domain.host_not_verified':
    'Organisationen måste vara verifierad innan den kan publicera.',
  'errors.domain.criteria_required': 'Lägg till minst ett urvalskriterium innan du publicerar.',
  'errors.domain.deadline_passed': 'Sista ansökningsdag har passerat.',
  'errors.domain.terms_frozen':
    'Villkoren för ansökningsform, pris och marknadsvärde kan inte ändras efter publicering.',
  'errors.domain.deadline_frozen':
    'Sista ansökningsdag kan bara flyttas senare, och bara innan den har passerat.',
  'errors.domain.capacity_below_active':
    'Kapaciteten kan inte bli lägre än antalet pågående piloter.',
  'errors.domain.offer_not_draft': 'Bara utkast kan tas bort.',
  'errors.domain.history_append_only': 'Historiken kan inte ändras.',
  'errors.domain.offer_closed': 'Erbjudandet är stängt och kan inte ändras.',
  'errors.domain.criteria_frozen': 'Urvalskriterierna är låsta sedan erbjudandet publicerades.',
  'errors.domain.applicant_not_company': 'Bara företag kan ansöka om att pilotera.',
  'errors.domain.not_company_member': 'Du är inte medlem i företaget.',
  'errors.domain.offer_not_open': 'Erbjudandet tar inte emot ansökningar just nu.',
  'errors.domain.application_parties_fixed': 'Ansökans erbjudande och företag kan inte bytas.',
  'errors.domain.trl_out_of_range': 'Produktens TRL ligger utanför det erbjudandet tar emot.',
  'errors.domain.application_submitted': 'Ansökan är redan inskickad och kan inte ändras.',
  'errors.domain.decision_by_host_only':
    'Bara värdorganisationen kan bedöma och besluta om ansökningar.',
  'errors.domain.round_still_open':
    'Ansökningsomgången är öppen. Beslut fattas efter sista ansökningsdag.',
  'errors.domain.criteria_not_scored': 'Bedöm alla publicerade kriterier innan du beslutar.',
  'errors.domain.must_have_not_met': 'Ett skall-krav är inte uppfyllt, så ansökan kan inte antas.',
  'errors.domain.capacity_full':
    'Alla platser är fyllda: erbjudandet har redan så många pågående piloter som det tar emot.',
  'errors.domain.application_decided': 'Ansökan är redan avgjord.',
  'errors.domain.criterion_not_in_offer': 'Kriteriet hör inte till erbjudandet.',
  'errors.domain.pilot_needs_acceptance': 'En pilot skapas bara från en antagen ansökan.',
  'errors.domain.pilot_fixed': 'Piloten kan inte ändras på det sättet.',
  'errors.domain.aid_ledger_append_only': 'Stödregistret kan inte ändras.',
  'errors.domain.not_pilot_party': 'Bara värden och företaget i piloten kan skriva här.',
  'errors.domain.messages_append_only': 'Skickade meddelanden kan inte ändras.',
  'errors.domain.report_by_host_only':
    'Bara värden kan skriva testrapporten, och bara för en pågående pilot.',
  'errors.domain.report_fixed': 'Testrapporten är inlämnad och kan inte ändras.',
  'errors.domain.response_by_company_only':
    'Bara företaget kan svara på rapporten, och bara en gång.',
  'errors.domain.application_exists':
    'Företaget har redan en pågående ansökan till det här erbjudandet.',
  'errors.domain.conflict_of_interest':
    'Du är också medlem i det sökande företaget och kan därför inte bedöma ansökan. Be en kollega hos värden.',
  'errors.domain.buyer_not_public_body': 'Bara offentliga aktörer kan publicera upphandlingar.',
  'errors.domain.not_buyer_member':
    'Bara medlemmar hos den upphandlande organisationen kan göra det här.',
  'errors.domain.buyer_not_verified':
    'Organisationen måste vara verifierad innan den kan publicera upphandlingar.',
  'errors.domain.clock_mismatch': 'Tidsstämpeln stämmer inte med serverns klocka. Försök igen.',
  'errors.domain.period_too_short':
    'Anbudstiden är för kort: minst 30 dagar från publicering (10 dagar för en marknadsdialog), och frågestoppet måste ligga i framtiden.',
  'errors.domain.weights_not_100':
    'Vikterna för utvärderingskriterierna måste tillsammans bli 100.',
  'errors.domain.dialogue_not_scored':
    'En marknadsdialog poängsätts inte: ta bort de viktade kriterierna.',
  'errors.domain.disclosure_required':
    'Upphandlingen bygger på tidigare piloter eller dialog. Beskriv vad som lärdes och lämnades till de företagen (minst 20 tecken) innan du publicerar.',
  'errors.domain.involved_not_named':
    'Alla företag som deltog i de kopplade piloterna eller dialogen måste namnges innan du publicerar.',
  'errors.domain.opening_required': 'Anbuden öppnas bara genom en öppning efter sista anbudsdag.',
  'errors.domain.scores_incomplete':
    'Utvärderingen är inte klar: varje utvärderare måste poängsätta varje giltigt anbud på varje kriterium.',
  'errors.domain.award_not_by_score':
    'Tilldelningen måste följa de publicerade kriterierna: de godkända anbuden med högst viktad poäng, högst det antal vinnare som annonserades.',
  'errors.domain.passing_bids_exist':
    'Det finns anbud som uppfyller alla krav. Tilldela eller avbryt upphandlingen med en motivering.',
  'errors.domain.decision_final': 'Beslutet är fattat och kan inte ändras.',
  'errors.domain.standstill_running': 'Avtal kan inte tecknas förrän avtalsspärren har löpt ut.',
  'errors.domain.call_not_draft': 'Bara utkast kan tas bort.',
  'errors.domain.link_not_own': 'Du kan bara koppla era egna piloter och marknadsdialoger.',
  'errors.domain.amendment_not_allowed':
    'Ändringar kan bara publiceras medan upphandlingen är öppen, en i taget, av den upphandlande organisationen.',
  'errors.domain.amendment_published':
    'En publicerad ändring kan inte ändras eller tas bort. Publicera en ny ändring.',
  'errors.domain.deadline_shortened': 'En tidsfrist kan förlängas men aldrig förkortas.',
  'errors.domain.amendment_terms_flag':
    'Ändringen måste ange om den ändrar krav, kriterier eller dokument.',
  'errors.domain.extension_required':
    'Den här ändringen kräver att sista anbudsdag flyttas fram, minst 6 dagar från nu.',
  'errors.domain.call_not_found': 'Upphandlingen finns inte.',
  'errors.domain.question_deadline_passed': 'Sista dag för frågor har passerat.',
  'errors.domain.buyer_cannot_ask':
    'Den upphandlande organisationen kan inte ställa frågor i sin egen upphandling.',
  'errors.domain.answer_immutable':
    'Publicerade frågor och svar ändras inte. Publicera en rättelse i stället.',
  'errors.domain.answer_too_late':
    'Svar måste publiceras senast 6 dagar före sista anbudsdag. Förläng först anbudstiden med en ändring.',
  'errors.domain.bidder_not_company': 'Bara företag kan lämna anbud.',
  'errors.domain.buyer_cannot_bid':
    'Medlemmar i den upphandlande organisationen kan inte lämna anbud.',
  'errors.domain.receipt_required':
    'Varje inlämning måste tidsstämplas av servern och få ett kvitto.',
  'errors.domain.bid_not_draft': 'Bara utkast kan tas bort, och bara före sista anbudsdag.',
  'errors.domain.deadline_not_passed': 'Anbuden kan öppnas först efter sista anbudsdag.',
  'errors.domain.opening_record_mismatch':
    'Öppningsprotokollet måste lista exakt de inlämnade anbuden.',
  'errors.domain.opening_fixed': 'Öppningsprotokollet kan inte ändras.',
  'errors.domain.score_not_allowed':
    'Poäng kan bara sättas av en utvärderare som har lämnat jävsdeklaration, på giltiga anbud och gällande kriterier, innan utvärderingen är klar.',
  'errors.domain.evaluator_conflict':
    'Du är medlem i ett företag som har lämnat anbud och kan därför inte utvärdera upphandlingen.',
  'errors.domain.call_quiet_period':
    'En upphandling som rör piloten eller företaget pågår. För likabehandlingens skull är tråden stängd tills upphandlingen är avgjord.',
  'errors.domain.bid_exists': 'Företaget har redan ett anbud i den här upphandlingen.',
  'errors.domain.seal_broken':
    'Det förseglade anbudet kunde inte öppnas. Det kan ha ändrats eller hör inte till den här upphandlingen.',
  'errors.domain.document_too_large': 'Filen är för stor. Den får vara högst 10 MB.',
  'errors.domain.document_type':
    'Filtypen stöds inte. Ladda upp PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), PNG, JPEG eller text och CSV i UTF-8.',
  'errors.domain.document_empty': 'Filen är tom. Välj en fil med innehåll.',
  'errors.domain.reference_needs_source':
    'En referens skapas från en avslutad pilot med testrapport eller en tilldelad upphandling, mellan just de två parterna.',
  'errors.domain.not_reference_party':
    'Bara den offentliga aktören och företaget bakom referensen kan skriva i den.',
  'errors.domain.reference_source_fixed': 'Referensens parter och källa kan inte ändras.',
  'errors.domain.reference_approval_invalid':
    'Godkännandet gäller inte: varje part godkänner genom en egen medlem, och bara den text som står i referensen nu.',
  'errors.domain.reference_published_once':
    'En referens som har varit publicerad tas inte bort. Dra tillbaka den i stället.',
  'errors.domain.contact_consent_required':
    'Bara personen själv kan ange sig som kontakt för referenssamtal, och bara som medlem hos den offentliga aktören.',
  'errors.domain.reference_results_invalid':
    'Varje resultat behöver en benämning, ett värde, en enhet och eventuellt ett utgångsvärde.',
  'errors.domain.reference_exists':
    'Det finns redan en referens för den här piloten eller tilldelningen.',
  'errors.domain.reference_calls_closed':
    'Den här referensen tar inte emot förfrågningar om referenssamtal.',
  'errors.domain.too_many_requests': 'För många förfrågningar på kort tid. Försök igen i morgon.',
  'errors.domain.request_fixed':
    'Förfrågan kan inte ändras; bara dess personuppgifter kan raderas.',
  'errors.domain.admin_only': 'Bara en administratör för Testarena kan göra det här.',
  'errors.domain.competition_exists': 'Det finns redan en tävling för det året.',
  'errors.domain.competition_published': 'Årets resultat är publicerade och kan inte ändras.',
  'errors.domain.categories_frozen':
    'Kategorierna kan bara ändras medan nomineringen pågår och innan något nominerats i dem.',
  'errors.domain.nominations_closed': 'Nomineringen är stängd.',
  'errors.domain.already_nominated': 'Referensen är redan nominerad i den kategorin.',
  'errors.domain.reference_not_published': 'Bara publicerade referenser kan nomineras.',
  'errors.domain.not_juror': 'Bara jurymedlemmar i årets tävling kan göra det här.',
  'errors.domain.not_judging': 'Juryarbetet pågår inte just nu.',
  'errors.domain.juror_is_party':
    'Du är medlem hos en av parterna i referensen och har därför en jävssituation.',
  'errors.domain.declaration_fixed': 'En jävsdeklaration kan inte ändras.',
  'errors.domain.juror_not_cleared':
    'Du kan bara poängsätta en nominering där du har deklarerat att du saknar jäv, medan juryarbetet pågår.',
  'errors.domain.juror_has_declared':
    'Jurymedlemmen har redan lämnat deklarationer och kan inte tas bort.',
  'errors.domain.jury_incomplete':
    'Juryn är inte klar: varje jurymedlem måste deklarera för varje nominering i kategorin och poängsätta dem där den saknar jäv.',
  'errors.domain.winner_not_by_score':
    'Vinnaren måste vara den nominering som fått högst genomsnittlig poäng av juryn.',
  'errors.domain.winner_exists': 'Kategorin har redan en vinnare.',
  'errors.domain.results_incomplete':
    'Varje kategori behöver en vinnare innan resultatet publiceras.',
  'errors.domain.seal_key_missing':
    'Anbuden kan inte öppnas nu: nyckeln som några av dem förseglades med saknas på servern. Inget har öppnats. Be driftansvarig att återställa nyckelfilen och försök igen.',
  'errors.domain.row_exists': 'Det finns redan en sådan post, och den kan inte ersättas.',
  'errors.domain.eligibility_frozen':
    'Vem som får ansöka (TRL, CE-märkning, konsekvensbedömning, försäkring) kan inte ändras när ansökningar har kommit in till omgången.',
  'errors.domain.member_of_bidder':
    'Personen tillhör ett företag som lämnar anbud i en av organisationens öppna upphandlingar. För likabehandlingens skull kan hen bli medlem först när anbudstiden har gått ut.',
  'errors.domain.reason_not_meaningful':
    'Skriv en motivering med ord, inte bara tecken eller siffror.',
  'errors.domain.organisation_permanent':
    'En organisation tas aldrig bort, så att det den har publicerat och beslutat går att spåra.',
  'errors.domain.timestamp_implausible': 'Tidpunkten måste vara nu.',
  'errors.domain.status_log_append_only': 'Statusloggen kan bara byggas på.',
  'errors.domain.stamp_fixed': 'När och av vem något skapades eller publicerades kan inte ändras.',
  ...coordination.sv,
  ...discovery.sv,
  ...savedSearches.sv,
  ...ocds.sv,
} as const

const en: Record<keyof typeof sv, string> = {
  'errors.required': 'Fill in this field.',
  'errors.tooLong': 'The text is too long.',
  'errors.tooShort': 'The text is too short.',
  'errors.email': 'Enter a valid email address, such as name@example.com.',
  'errors.passwordTooShort': 'The password must be at least 8 characters.',
  'errors.passwordTooLong': 'The password may be at most 128 characters.',
  'errors.passwordCommon': 'This password is too common and easy to guess. Choose another.',
  'errors.passwordMismatch': 'The passwords do not match.',
  'errors.orgNumber': 'Enter a valid Swedish organisation number, such as 556016-0680.',
  'errors.orgNumberPersonal':
    'This is a personal identity number. Testarena shows organisation numbers publicly, so sole traders cannot register with a personal identity number.',
  'errors.url': 'Enter a web address starting with https:// or http://.',
  'errors.choose': 'Choose an option.',
  'errors.municipalityNotInCounty': 'The municipality is not in the chosen county.',
  'errors.honeypot': 'The form could not be sent.',
  'errors.domain.reset_used': 'This password reset link has already been used.',
  'errors.domain.verification_by_admin_only':
    'Only a platform administrator can verify public bodies.',
  'errors.domain.organisation_identity_fixed':
    'The organisation number and type cannot be changed.',
  'errors.domain.sectors_for_companies_only': 'Sectors are only given for companies.',
  'errors.domain.last_admin':
    'The organisation must keep at least one administrator. Make someone else an administrator first.',
  'errors.domain.invitation_for_other_email':
    'This invitation is for a different email address than the one you are logged in with.',
  'errors.domain.invitation_closed': 'This invitation has already been used or withdrawn.',
  'errors.domain.outbox_append_only': 'Sent email cannot be changed or deleted.',
  'errors.domain.audit_log_append_only': 'The audit log cannot be changed.',
  'errors.domain.audit_chain_broken': 'The audit log chain is broken.',
  'errors.domain.email_taken': 'There is already an account with that email address.',
  'errors.domain.org_number_taken':
    'An organisation with that organisation number is already registered.',
  'errors.domain.not_found': 'Not found.',
  'errors.domain.already_member': 'This person is already a member of the organisation.',
  'errors.domain.invitation_expired': 'This invitation has expired. Ask for a new one.',
  'errors.domain.reset_invalid': 'The link is invalid or has expired. Request a new link.',
  'errors.domain.wrong_password': 'The current password is wrong.',
  'errors.domain.not_pending':
    'The organisation is no longer awaiting verification. Someone else may already have decided.',
  'errors.domain.reason_required': 'Write a reason.',
  'errors.domain.municipality_not_in_county': 'The municipality is not in the chosen county.',
  'errors.domain.rename_needs_review':
    'A verified public body that changes its name must be verified again.',
  'errors.domain.host_not_public_body': 'Only public bodies can offer test beds.',
  'errors.domain.not_host_member':
    'You are not a member of the organisation offering this test bed.',
  'errors.domain.host_fixed': 'The host of a test bed cannot change.',
  'errors.domain.invalid_transition': 'That step is not possible in the current state.',
  'errors.domain.host_not_verified': 'The organisation must be verified before it can publish.',
  'errors.domain.criteria_required': 'Add at least one selection criterion before publishing.',
  'errors.domain.deadline_passed': 'The application deadline has passed.',
  'errors.domain.terms_frozen': 'Intake, price and market value cannot change after publication.',
  'errors.domain.deadline_frozen':
    'The deadline can only move later, and only before it has passed.',
  'errors.domain.capacity_below_active':
    'Capacity cannot be lower than the number of running pilots.',
  'errors.domain.offer_not_draft': 'Only drafts can be deleted.',
  'errors.domain.history_append_only': 'The history cannot be changed.',
  'errors.domain.offer_closed': 'The offer is closed and cannot change.',
  'errors.domain.criteria_frozen':
    'The selection criteria are locked since the offer was published.',
  'errors.domain.applicant_not_company': 'Only companies can apply to pilot.',
  'errors.domain.not_company_member': 'You are not a member of the company.',
  'errors.domain.offer_not_open': 'The offer is not taking applications right now.',
  'errors.domain.application_parties_fixed':
    'The offer and company of an application cannot change.',
  'errors.domain.trl_out_of_range': 'The product’s TRL is outside the range the offer accepts.',
  'errors.domain.application_submitted': 'The application has been submitted and cannot change.',
  'errors.domain.decision_by_host_only':
    'Only the host organisation can assess and decide on applications.',
  'errors.domain.round_still_open': 'The round is open. Decisions are made after the deadline.',
  'errors.domain.criteria_not_scored': 'Assess every published criterion before deciding.',
  'errors.domain.must_have_not_met':
    'A must-have requirement is not met, so the application cannot be accepted.',
  'errors.domain.capacity_full':
    'All places are taken: the offer already has as many running pilots as it accepts.',
  'errors.domain.application_decided': 'The application has already been decided.',
  'errors.domain.criterion_not_in_offer': 'The criterion does not belong to this offer.',
  'errors.domain.pilot_needs_acceptance': 'A pilot is only made from an accepted application.',
  'errors.domain.pilot_fixed': 'The pilot cannot be changed that way.',
  'errors.domain.aid_ledger_append_only': 'The aid ledger cannot be changed.',
  'errors.domain.not_pilot_party': 'Only the host and the company of the pilot can write here.',
  'errors.domain.messages_append_only': 'Sent messages cannot be changed.',
  'errors.domain.report_by_host_only':
    'Only the host can write the test report, and only for a running pilot.',
  'errors.domain.report_fixed': 'The test report has been submitted and cannot change.',
  'errors.domain.response_by_company_only':
    'Only the company can answer the report, and only once.',
  'errors.domain.application_exists': 'The company already has a live application to this offer.',
  'errors.domain.conflict_of_interest':
    'You are also a member of the applying company, so you cannot assess this application. Ask a colleague at the host.',
  'errors.domain.buyer_not_public_body': 'Only public bodies can publish procurements.',
  'errors.domain.not_buyer_member': 'Only members of the buying organisation can do this.',
  'errors.domain.buyer_not_verified':
    'The organisation must be verified before it can publish procurements.',
  'errors.domain.clock_mismatch': "The time stamp does not match the server's clock. Try again.",
  'errors.domain.period_too_short':
    'The tender period is too short: at least 30 days from publication (10 days for a market dialogue), and the question deadline must be in the future.',
  'errors.domain.weights_not_100': 'The weights of the evaluation criteria must add up to 100.',
  'errors.domain.dialogue_not_scored':
    'A market dialogue is not scored: remove the weighted criteria.',
  'errors.domain.disclosure_required':
    'The procurement builds on earlier pilots or dialogue. Describe what was learnt and given to those companies (at least 20 characters) before publishing.',
  'errors.domain.involved_not_named':
    'Every company that took part in the linked pilots or dialogue must be named before publishing.',
  'errors.domain.opening_required':
    'Bids are opened only through an opening after the tender deadline.',
  'errors.domain.scores_incomplete':
    'The evaluation is not complete: every evaluator must score every valid bid on every criterion.',
  'errors.domain.award_not_by_score':
    'The award must follow the published criteria: the passing bids with the highest weighted score, at most the number of winners announced.',
  'errors.domain.passing_bids_exist':
    'There are bids that meet every requirement. Award or cancel the procurement with a reason.',
  'errors.domain.decision_final': 'The decision has been made and cannot be changed.',
  'errors.domain.standstill_running':
    'No contract can be signed before the standstill period has ended.',
  'errors.domain.call_not_draft': 'Only drafts can be deleted.',
  'errors.domain.link_not_own': 'You can only link your own pilots and market dialogues.',
  'errors.domain.amendment_not_allowed':
    'Amendments can only be published while the procurement is open, one at a time, by the buying organisation.',
  'errors.domain.amendment_published':
    'A published amendment cannot be changed or deleted. Publish a new amendment.',
  'errors.domain.deadline_shortened': 'A deadline can be extended but never shortened.',
  'errors.domain.amendment_terms_flag':
    'The amendment must state whether it changes requirements, criteria or documents.',
  'errors.domain.extension_required':
    'This amendment requires the tender deadline to be extended, at least 6 days from now.',
  'errors.domain.call_not_found': 'The procurement does not exist.',
  'errors.domain.question_deadline_passed': 'The deadline for questions has passed.',
  'errors.domain.buyer_cannot_ask':
    'The buying organisation cannot ask questions in its own procurement.',
  'errors.domain.answer_immutable':
    'Published questions and answers do not change. Publish a correction instead.',
  'errors.domain.answer_too_late':
    'Answers must be published at least 6 days before the tender deadline. Extend the deadline with an amendment first.',
  'errors.domain.bidder_not_company': 'Only companies can bid.',
  'errors.domain.buyer_cannot_bid': 'Members of the buying organisation cannot bid.',
  'errors.domain.receipt_required':
    'Every submission must be time-stamped by the server and receipted.',
  'errors.domain.bid_not_draft': 'Only drafts can be deleted, and only before the tender deadline.',
  'errors.domain.deadline_not_passed': 'Bids can be opened only after the tender deadline.',
  'errors.domain.opening_record_mismatch':
    'The opening record must list exactly the submitted bids.',
  'errors.domain.opening_fixed': 'The opening record cannot be changed.',
  'errors.domain.score_not_allowed':
    'Scores can only be given by an evaluator who has declared no conflict of interest, on valid bids and criteria in force, before the evaluation is complete.',
  'errors.domain.evaluator_conflict':
    'You are a member of a company that has bid, so you cannot evaluate this procurement.',
  'errors.domain.call_quiet_period':
    'A procurement concerning this pilot or the company is in progress. For equal treatment the thread is closed until the procurement is decided.',
  'errors.domain.bid_exists': 'The company already has a bid in this procurement.',
  'errors.domain.seal_broken':
    'The sealed bid could not be opened. It may have been altered or does not belong to this procurement.',
  'errors.domain.document_too_large': 'The file is too large. It may be at most 10 MB.',
  'errors.domain.document_type':
    'This file type is not supported. Upload PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), OpenDocument (odt, ods, odp), PNG, JPEG, or text and CSV in UTF-8.',
  'errors.domain.document_empty': 'The file is empty. Choose a file with content.',
  'errors.domain.reference_needs_source':
    'A reference is created from a completed pilot with a test report, or an awarded procurement, between exactly those two parties.',
  'errors.domain.not_reference_party':
    'Only the public body and the company behind the reference can edit it.',
  'errors.domain.reference_source_fixed': "The reference's parties and source cannot be changed.",
  'errors.domain.reference_approval_invalid':
    'The approval is not valid: each party approves through one of its own members, and only the text as it stands now.',
  'errors.domain.reference_published_once':
    'A reference that has been published is not deleted. Withdraw it instead.',
  'errors.domain.contact_consent_required':
    'Only the person themselves can become the contact for reference calls, and only as a member of the public body.',
  'errors.domain.reference_results_invalid':
    'Each result needs a label, a value, a unit and optionally a baseline.',
  'errors.domain.reference_exists': 'There is already a reference for this pilot or award.',
  'errors.domain.reference_calls_closed':
    'This reference does not take requests for reference calls.',
  'errors.domain.too_many_requests':
    'Too many requests in a short time. Please try again tomorrow.',
  'errors.domain.request_fixed':
    'The request cannot be changed; only its personal data can be erased.',
  'errors.domain.admin_only': 'Only a Testarena administrator can do this.',
  'errors.domain.competition_exists': 'There is already a competition for that year.',
  'errors.domain.competition_published': "The year's results are published and cannot be changed.",
  'errors.domain.categories_frozen':
    'Categories can only be changed while nominations are open and before anything is nominated in them.',
  'errors.domain.nominations_closed': 'Nominations are closed.',
  'errors.domain.already_nominated': 'The reference is already nominated in that category.',
  'errors.domain.reference_not_published': 'Only published references can be nominated.',
  'errors.domain.not_juror': "Only members of this year's jury can do this.",
  'errors.domain.not_judging': 'Judging is not under way.',
  'errors.domain.juror_is_party':
    'You are a member of one of the parties to the reference and therefore have a conflict of interest.',
  'errors.domain.declaration_fixed': 'A declaration of interest cannot be changed.',
  'errors.domain.juror_not_cleared':
    'You can only score a nomination for which you have declared no conflict of interest, while judging is under way.',
  'errors.domain.juror_has_declared':
    'The juror has already made declarations and cannot be removed.',
  'errors.domain.jury_incomplete':
    'The jury has not finished: every juror must declare on every nomination in the category and score those without a conflict.',
  'errors.domain.winner_not_by_score':
    "The winner must be the nomination with the jury's highest average score.",
  'errors.domain.winner_exists': 'The category already has a winner.',
  'errors.domain.results_incomplete':
    'Every category needs a winner before the results are published.',
  'errors.domain.seal_key_missing':
    'The bids cannot be opened now: the key some of them were sealed with is missing on the server. Nothing has been opened. Ask the operator to restore the key file and try again.',
  'errors.domain.row_exists': 'Such an entry already exists, and it cannot be replaced.',
  'errors.domain.eligibility_frozen':
    'Who may apply (TRL, CE marking, impact assessment, insurance) cannot change once applications have come in to the round.',
  'errors.domain.member_of_bidder':
    "The person belongs to a company that is bidding in one of the organisation's open calls. For equal treatment, they can become a member only after the tender deadline.",
  'errors.domain.reason_not_meaningful': 'Write a reason in words, not only symbols or digits.',
  'errors.domain.organisation_permanent':
    'An organisation is never deleted, so that what it published and decided stays traceable.',
  'errors.domain.timestamp_implausible': 'The time must be now.',
  'errors.domain.status_log_append_only': 'The status log can only grow.',
  'errors.domain.stamp_fixed': 'When and by whom something was created or published cannot change.',
  ...coordination.en,
  ...discovery.en,
  ...savedSearches.en,
  ...ocds.en,
}

export default { sv, en }
