// Texts for the account pages. Swedish first; English must have exactly the same keys.
const sv = {
  'account.placeholder': 'account',
} as const

const en: Record<keyof typeof sv, string> = {
  'account.placeholder': 'account',
}

export default { sv, en }
