// The "Download as CSV" link beside each public list (decision record 042). The files' column
// headers are server-only, in csv-columns.ts.

const sv = {
  'csv.download': 'Ladda ner som CSV (högst {max} rader)',
}

const en: Record<keyof typeof sv, string> = {
  'csv.download': 'Download as CSV (at most {max} rows)',
}

export default { sv, en }
