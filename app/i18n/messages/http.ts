// Texts for the server's own answers: body too large, wrong content type, proxy host mismatch, busy database (issue 13).
const sv = {} satisfies Record<string, string>

const en: Record<keyof typeof sv, string> = {}

export default { sv, en }
