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
  'errors.domain.reason_required': 'Skriv en motivering när du avslår.',
  'errors.domain.municipality_not_in_county': 'Kommunen ligger inte i det valda länet.',
  'errors.domain.rename_needs_review':
    'En verifierad offentlig aktör som byter namn måste verifieras på nytt.',
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
  'errors.domain.reason_required': 'Write a reason when you reject.',
  'errors.domain.municipality_not_in_county': 'The municipality is not in the chosen county.',
  'errors.domain.rename_needs_review':
    'A verified public body that changes its name must be verified again.',
}

export default { sv, en }
