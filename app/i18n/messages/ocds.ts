// Open data as OCDS (issue 17, decision record 040): the link from a public call to its record.

const sv = {
  'ocds.record.link': 'Öppna data (OCDS)',
}

const en: Record<keyof typeof sv, string> = {
  'ocds.record.link': 'Open data (OCDS)',
}

export default { sv, en }
