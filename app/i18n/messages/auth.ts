// Texts for the auth pages. Swedish first; English must have exactly the same keys.
const sv = {
  'auth.placeholder': 'auth',
} as const

const en: Record<keyof typeof sv, string> = {
  'auth.placeholder': 'auth',
}

export default { sv, en }
