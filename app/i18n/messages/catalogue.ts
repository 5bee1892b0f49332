// Texts for the catalogue part of test beds and pilots (issue 3).
const sv = {} as const

const en: Record<keyof typeof sv, string> = {}

export default { sv, en }
