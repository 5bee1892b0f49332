// Validation and rule messages. Zod schemas use these keys as their messages; the UI translates.
const sv = {
  'errors.required': 'Fyll i fältet.',
  'errors.invalid': 'Värdet är inte giltigt.',
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
  'errors.tooManyRequests': 'För många försök. Vänta {minutes} minuter och försök igen.',
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
} as const

const en: Record<keyof typeof sv, string> = {
  'errors.required': 'Fill in this field.',
  'errors.invalid': 'The value is not valid.',
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
  'errors.tooManyRequests': 'Too many attempts. Wait {minutes} minutes and try again.',
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
}

export default { sv, en }
