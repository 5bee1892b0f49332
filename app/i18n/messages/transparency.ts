// Texts for the public audit-log head (anchors) page (issue 13).
const sv = {} satisfies Record<string, string>

const en: Record<keyof typeof sv, string> = {}

export default { sv, en }
