// E-mail texts. Plain text; {link} and other parameters are filled in when the mail is queued.
const sv = {
  'mail.signature': 'Hälsningar\nTestarena',
  'mail.password_reset.subject': 'Återställ ditt lösenord i Testarena',
  'mail.password_reset.body':
    'Hej {name}!\n\nNågon (förhoppningsvis du) har bett om att få återställa lösenordet för ditt konto i Testarena. Öppna länken nedan för att välja ett nytt lösenord. Länken gäller i en timme och kan bara användas en gång.\n\n{link}\n\nHar du inte bett om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.',
  'mail.password_changed.subject': 'Ditt lösenord i Testarena har ändrats',
  'mail.password_changed.body':
    'Hej {name}!\n\nLösenordet för ditt konto i Testarena ändrades {time}. Alla andra inloggningar har avslutats.\n\nVar det inte du? Återställ lösenordet direkt via {link} och kontakta oss.',
  'mail.invitation.subject': '{inviter} bjuder in dig till {organisation} i Testarena',
  'mail.invitation.body':
    'Hej!\n\n{inviter} har bjudit in dig som {role} i {organisation} på Testarena, marknadsplatsen för testbäddar och innovationsupphandling i offentlig sektor.\n\nÖppna länken för att gå med. Har du inget konto skapar du ett med den här e-postadressen ({email}). Inbjudan gäller till {expires}.\n\n{link}',
  'mail.verification_approved.subject': '{organisation} är verifierad i Testarena',
  'mail.verification_approved.body':
    'Hej!\n\n{organisation} är nu verifierad som offentlig aktör i Testarena och kan publicera testbäddar och upphandlingar.\n\n{link}',
  'mail.verification_rejected.subject': '{organisation} kunde inte verifieras i Testarena',
  'mail.verification_rejected.body':
    'Hej!\n\nVi kunde inte verifiera {organisation} som offentlig aktör i Testarena.\n\nMotivering: {reason}\n\nDu kan rätta uppgifterna och begära en ny granskning här:\n{link}',
  'mail.intermediary_verified.subject': '{organisation} är verifierad i Testarena',
  'mail.intermediary_verified.body':
    'Hej!\n\n{organisation} är nu verifierad som innovationsstödjande aktör i Testarena och syns i katalogen över organisationer.\n\n{link}',
  'mail.intermediary_rejected.subject': '{organisation} kunde inte verifieras i Testarena',
  'mail.intermediary_rejected.body':
    'Hej!\n\nVi kunde inte verifiera {organisation} som innovationsstödjande aktör i Testarena.\n\nMotivering: {reason}\n\nDu kan rätta uppgifterna och begära en ny granskning här:\n{link}',
  // --- sign-up confirmation (point 9) ---
  'mail.signup_confirm.subject': 'Bekräfta din e-postadress i Testarena',
  'mail.signup_confirm.body':
    'Hej {name}!\n\nNågon (förhoppningsvis du) har skapat ett konto i Testarena med den här e-postadressen. Öppna länken nedan för att bekräfta adressen och logga in. Länken gäller i ett dygn och kan bara användas en gång.\n\n{link}\n\nHar du inte skapat något konto kan du bortse från meddelandet; utan bekräftelse går kontot inte att använda.',
  'mail.signup_existing.subject': 'Någon försökte skapa ett konto med din e-postadress',
  'mail.signup_existing.body':
    'Hej {name}!\n\nNågon (kanske du) försökte just skapa ett nytt konto i Testarena med den här e-postadressen. Du har redan ett konto, och inget har ändrats i det.\n\nLogga in här:\n{login}\n\nHar du glömt lösenordet kan du välja ett nytt här:\n{reset}\n\nVar det inte du kan du bortse från meddelandet.',
  // --- end sign-up confirmation ---
} as const

const en: Record<keyof typeof sv, string> = {
  'mail.signature': 'Best regards\nTestarena',
  'mail.password_reset.subject': 'Reset your Testarena password',
  'mail.password_reset.body':
    'Hello {name},\n\nSomeone (hopefully you) asked to reset the password of your Testarena account. Open the link below to choose a new password. The link is valid for one hour and can be used once.\n\n{link}\n\nIf you did not ask for this, you can ignore this message; your password has not changed.',
  'mail.password_changed.subject': 'Your Testarena password has been changed',
  'mail.password_changed.body':
    'Hello {name},\n\nThe password of your Testarena account was changed on {time}. All other sessions have been signed out.\n\nWas this not you? Reset your password at once at {link} and contact us.',
  'mail.invitation.subject': '{inviter} invites you to {organisation} on Testarena',
  'mail.invitation.body':
    'Hello,\n\n{inviter} has invited you to join {organisation} as {role} on Testarena, the marketplace for test beds and innovation procurement in the Swedish public sector.\n\nOpen the link to join. If you have no account, create one with this email address ({email}). The invitation is valid until {expires}.\n\n{link}',
  'mail.verification_approved.subject': '{organisation} is verified on Testarena',
  'mail.verification_approved.body':
    'Hello,\n\n{organisation} is now verified as a public body on Testarena and can publish test beds and procurements.\n\n{link}',
  'mail.verification_rejected.subject': '{organisation} could not be verified on Testarena',
  'mail.verification_rejected.body':
    'Hello,\n\nWe could not verify {organisation} as a public body on Testarena.\n\nReason: {reason}\n\nYou can correct the details and ask for a new review here:\n{link}',
  'mail.intermediary_verified.subject': '{organisation} is verified on Testarena',
  'mail.intermediary_verified.body':
    'Hello,\n\n{organisation} is now verified as an innovation intermediary on Testarena and is listed in the directory of organisations.\n\n{link}',
  'mail.intermediary_rejected.subject': '{organisation} could not be verified on Testarena',
  'mail.intermediary_rejected.body':
    'Hello,\n\nWe could not verify {organisation} as an innovation intermediary on Testarena.\n\nReason: {reason}\n\nYou can correct the details and ask for a new review here:\n{link}',
  // --- sign-up confirmation (point 9) ---
  'mail.signup_confirm.subject': 'Confirm your email address on Testarena',
  'mail.signup_confirm.body':
    'Hello {name},\n\nSomeone (hopefully you) created a Testarena account with this email address. Open the link below to confirm the address and log in. The link is valid for one day and can be used once.\n\n{link}\n\nIf you did not create an account, you can ignore this message; without confirmation the account cannot be used.',
  'mail.signup_existing.subject': 'Someone tried to create an account with your email address',
  'mail.signup_existing.body':
    'Hello {name},\n\nSomeone (perhaps you) just tried to create a new Testarena account with this email address. You already have an account, and nothing in it has changed.\n\nLog in here:\n{login}\n\nIf you have forgotten your password, you can choose a new one here:\n{reset}\n\nIf this was not you, you can ignore this message.',
  // --- end sign-up confirmation ---
}

export default { sv, en }
