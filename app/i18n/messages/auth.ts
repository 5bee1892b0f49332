// Texts for the auth pages (sign-up, login, password reset). Swedish first; English must have
// exactly the same keys.
const sv = {
  'auth.email': 'E-postadress',
  'auth.password': 'Lösenord',
  'auth.passwordHint':
    'Minst 8 tecken. Ett långt lösenord av flera ord är lätt att minnas och svårt att gissa.',
  'auth.confirm': 'Upprepa lösenordet',
  'auth.passwordRule.repeated':
    'Lösenordet upprepar samma tecken om och om igen. Välj ett som är svårare att gissa.',
  'auth.passwordRule.sequence':
    'Lösenordet är tecken i följd, som abcd, 1234 eller qwerty. Välj ett som är svårare att gissa.',
  'auth.passwordRule.personal': 'Lösenordet får inte vara din e-postadress eller ditt namn.',

  'auth.signup.title': 'Skapa konto',
  'auth.signup.intro':
    'Med ett konto kan du registrera din organisation eller gå med i en som redan finns på Testarena.',
  'auth.signup.name': 'Namn',
  'auth.signup.nameHint': 'Ditt för- och efternamn, som andra i din organisation ser det.',
  'auth.signup.submit': 'Skapa konto',
  'auth.signup.haveAccount': 'Har du redan ett konto?',
  'auth.signup.loginLink': 'Logga in',

  'auth.login.title': 'Logga in',
  'auth.login.submit': 'Logga in',
  'auth.login.failed': 'Fel e-postadress eller lösenord.',
  'auth.login.forgot': 'Glömt lösenordet?',
  'auth.login.noAccount': 'Har du inget konto?',
  'auth.login.signupLink': 'Skapa ett konto',
  'auth.login.resetDone': 'Ditt lösenord är ändrat. Logga in med det nya lösenordet.',

  'auth.forgot.title': 'Glömt lösenordet',
  'auth.forgot.intro':
    'Ange e-postadressen du loggar in med, så skickar vi en länk där du kan välja ett nytt lösenord.',
  'auth.forgot.submit': 'Skicka länk',
  'auth.forgot.sent':
    'Om det finns ett konto med den e-postadressen har vi nu skickat ett mejl med en länk för att välja ett nytt lösenord. Länken gäller i en timme. Hittar du inget mejl, titta i skräpposten.',
  'auth.forgot.backToLogin': 'Tillbaka till inloggningen',

  'auth.reset.title': 'Välj ett nytt lösenord',
  'auth.reset.intro':
    'När du har sparat det nya lösenordet loggas du ut överallt och kan logga in med det nya.',
  'auth.reset.password': 'Nytt lösenord',
  'auth.reset.confirm': 'Upprepa det nya lösenordet',
  'auth.reset.submit': 'Spara nytt lösenord',
  'auth.reset.invalid.title': 'Länken fungerar inte',
  'auth.reset.invalid.body':
    'Länken är ogiltig, har redan använts eller har gått ut. En länk för att återställa lösenordet gäller i en timme och kan bara användas en gång.',
  'auth.reset.invalid.again': 'Begär en ny länk',
  // --- sign-up confirmation (point 9) ---
  'auth.signup.sent.title': 'Titta i din e-post',
  'auth.signup.sent.body':
    'Vi har skickat ett mejl till {email}. Följ instruktionerna i det för att komma vidare. En länk för att bekräfta adressen gäller i ett dygn. Hittar du inget mejl inom några minuter, titta i skräpposten.',
  'auth.signup.sent.again': 'Fick du inget mejl? Skapa kontot igen',
  'auth.login.unconfirmed':
    'Du behöver bekräfta din e-postadress innan du kan logga in. Följ länken i mejlet vi skickade, eller skapa kontot igen för att få en ny länk.',
  'auth.confirmEmail.title': 'Bekräfta din e-postadress',
  'auth.confirmEmail.intro':
    'Bekräfta adressen för att börja använda ditt konto. Du loggas in direkt efteråt.',
  'auth.confirmEmail.submit': 'Bekräfta och logga in',
  'auth.confirmEmail.invalid.title': 'Länken fungerar inte',
  'auth.confirmEmail.invalid.body':
    'Länken är ogiltig, har redan använts eller har gått ut. En bekräftelselänk gäller i ett dygn och kan bara användas en gång. Har du redan bekräftat adressen kan du logga in; annars skapar du kontot igen för att få en ny länk.',
  'auth.confirmEmail.invalid.login': 'Logga in',
  'auth.confirmEmail.invalid.signup': 'Skapa kontot igen',
  // --- end sign-up confirmation ---
} as const

const en: Record<keyof typeof sv, string> = {
  'auth.email': 'Email address',
  'auth.password': 'Password',
  'auth.passwordHint':
    'At least 8 characters. A long password of several words is easy to remember and hard to guess.',
  'auth.confirm': 'Repeat the password',
  'auth.passwordRule.repeated':
    'The password repeats the same characters over and over. Choose one that is harder to guess.',
  'auth.passwordRule.sequence':
    'The password is characters in a row, such as abcd, 1234 or qwerty. Choose one that is harder to guess.',
  'auth.passwordRule.personal': 'The password must not be your email address or your name.',

  'auth.signup.title': 'Create an account',
  'auth.signup.intro':
    'With an account you can register your organisation or join one that is already on Testarena.',
  'auth.signup.name': 'Name',
  'auth.signup.nameHint': 'Your first and last name, as others in your organisation will see it.',
  'auth.signup.submit': 'Create account',
  'auth.signup.haveAccount': 'Already have an account?',
  'auth.signup.loginLink': 'Log in',

  'auth.login.title': 'Log in',
  'auth.login.submit': 'Log in',
  'auth.login.failed': 'Wrong email address or password.',
  'auth.login.forgot': 'Forgot your password?',
  'auth.login.noAccount': 'No account yet?',
  'auth.login.signupLink': 'Create an account',
  'auth.login.resetDone': 'Your password has been changed. Log in with the new password.',

  'auth.forgot.title': 'Forgot your password',
  'auth.forgot.intro':
    'Enter the email address you log in with and we will send you a link where you can choose a new password.',
  'auth.forgot.submit': 'Send link',
  'auth.forgot.sent':
    'If there is an account with that email address, we have sent it a message with a link to choose a new password. The link is valid for one hour. If you cannot find the message, check your spam folder.',
  'auth.forgot.backToLogin': 'Back to log in',

  'auth.reset.title': 'Choose a new password',
  'auth.reset.intro':
    'Once you have saved the new password you are logged out everywhere and can log in with the new one.',
  'auth.reset.password': 'New password',
  'auth.reset.confirm': 'Repeat the new password',
  'auth.reset.submit': 'Save new password',
  'auth.reset.invalid.title': 'This link does not work',
  'auth.reset.invalid.body':
    'The link is invalid, has already been used or has expired. A password reset link is valid for one hour and can be used once.',
  'auth.reset.invalid.again': 'Request a new link',
  // --- sign-up confirmation (point 9) ---
  'auth.signup.sent.title': 'Check your email',
  'auth.signup.sent.body':
    'We have sent an email to {email}. Follow the instructions in it to continue. A link to confirm the address is valid for one day. If no email arrives within a few minutes, look in your spam folder.',
  'auth.signup.sent.again': 'No email? Create the account again',
  'auth.login.unconfirmed':
    'You need to confirm your email address before you can log in. Follow the link in the email we sent, or create the account again to get a new link.',
  'auth.confirmEmail.title': 'Confirm your email address',
  'auth.confirmEmail.intro':
    'Confirm the address to start using your account. You will be logged in straight away.',
  'auth.confirmEmail.submit': 'Confirm and log in',
  'auth.confirmEmail.invalid.title': 'This link does not work',
  'auth.confirmEmail.invalid.body':
    'The link is invalid, has already been used or has expired. A confirmation link is valid for one day and can be used once. If you have already confirmed the address, log in; otherwise create the account again to get a new link.',
  'auth.confirmEmail.invalid.login': 'Log in',
  'auth.confirmEmail.invalid.signup': 'Create the account again',
  // --- end sign-up confirmation ---
}

export default { sv, en }
