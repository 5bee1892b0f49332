// Texts for the admin pages. Swedish first; English must have exactly the same keys.
const sv = {
  'admin.placeholder': 'admin',
} as const

const en: Record<keyof typeof sv, string> = {
  'admin.placeholder': 'admin',
}

export default { sv, en }
