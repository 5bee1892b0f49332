// Texts for the account pages. Swedish first; English must have exactly the same keys.
const sv = {
  'account.title': 'Mitt konto',
  'account.details.title': 'Dina uppgifter',
  'account.email': 'E-postadress',
  'account.name': 'Namn',
  'account.name.submit': 'Spara namn',

  'account.password.title': 'Byt lösenord',
  'account.password.intro':
    'När du byter lösenord loggas du ut på alla andra enheter. Du förblir inloggad här.',
  'account.password.current': 'Nuvarande lösenord',
  'account.password.new': 'Nytt lösenord',
  'account.password.confirm': 'Upprepa det nya lösenordet',
  'account.password.submit': 'Byt lösenord',

  'account.sessions.title': 'Inloggningar',
  'account.sessions.intro':
    'Här är de enheter och webbläsare där du är inloggad. Känner du inte igen en inloggning, avsluta den och byt lösenord.',
  'account.sessions.listLabel': 'Aktiva inloggningar',
  'account.sessions.current': 'Den här inloggningen',
  'account.sessions.other': 'Inloggning',
  'account.sessions.createdAt': 'Inloggad',
  'account.sessions.lastSeen': 'Senast aktiv',
  'account.sessions.ip': 'IP-adress',
  'account.sessions.userAgent': 'Webbläsare',
  'account.sessions.unknown': 'Okänd',
  'account.sessions.revoke': 'Logga ut',
  'account.sessions.revokeContext': 'inloggningen som senast var aktiv {time}',
  'account.sessions.revokeOthers': 'Logga ut överallt utom här',
  'account.sessions.noOthers': 'Du är inte inloggad någon annanstans.',

  'account.saved.name': 'Ditt namn är sparat.',
  'account.saved.password':
    'Ditt lösenord är bytt. Alla andra inloggningar har avslutats och vi har skickat ett mejl om ändringen.',
  'account.saved.revoked': 'Inloggningen är avslutad.',
  'account.saved.revokedOthers': 'Du är nu utloggad överallt utom här.',
} as const

const en: Record<keyof typeof sv, string> = {
  'account.title': 'My account',
  'account.details.title': 'Your details',
  'account.email': 'Email address',
  'account.name': 'Name',
  'account.name.submit': 'Save name',

  'account.password.title': 'Change password',
  'account.password.intro':
    'When you change your password you are logged out on every other device. You stay logged in here.',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.confirm': 'Repeat the new password',
  'account.password.submit': 'Change password',

  'account.sessions.title': 'Sessions',
  'account.sessions.intro':
    'These are the devices and browsers where you are logged in. If you do not recognise one, end it and change your password.',
  'account.sessions.listLabel': 'Active sessions',
  'account.sessions.current': 'This session',
  'account.sessions.other': 'Session',
  'account.sessions.createdAt': 'Logged in',
  'account.sessions.lastSeen': 'Last active',
  'account.sessions.ip': 'IP address',
  'account.sessions.userAgent': 'Browser',
  'account.sessions.unknown': 'Unknown',
  'account.sessions.revoke': 'Log out',
  'account.sessions.revokeContext': 'the session last active {time}',
  'account.sessions.revokeOthers': 'Log out everywhere else',
  'account.sessions.noOthers': 'You are not logged in anywhere else.',

  'account.saved.name': 'Your name has been saved.',
  'account.saved.password':
    'Your password has been changed. All other sessions have been ended and we have sent you an email about the change.',
  'account.saved.revoked': 'The session has been ended.',
  'account.saved.revokedOthers': 'You are now logged out everywhere else.',
}

export default { sv, en }
