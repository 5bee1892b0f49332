// Texts for the public audit-log head (anchors) page (issue 13).
const sv = {
  'transparency.title': 'Granskningsloggens kontrollpunkter',
  'transparency.intro':
    'Varje ändring på Testarena – publiceringar, anbud, öppningar, utvärderingar och beslut – skrivs i en granskningslogg där varje rad är låst till raden före med en SHA-256-kontrollsumma. En gång per dygn publicerar vi loggens senaste rad här: radnummer och kontrollsumma.',
  'transparency.why.title': 'Varför det spelar roll',
  'transparency.why.body':
    'Om någon i efterhand strök de sista raderna eller räknade om loggen skulle en rad som står här inte längre finnas med samma kontrollsumma. Därför kan vem som helst spara en kopia av listan: den som granskar plattformen (till exempel en tillsynsmyndighet eller revisor) jämför din kopia med loggen.',
  'transparency.how.title': 'Så sparar du en kopia',
  'transparency.how.body':
    'Skriv ut sidan eller spara den som fil med datum. Samma rad ska alltid ha samma kontrollsumma; nya rader läggs bara till. Skiljer sig en kontrollsumma i din kopia från den som visas här, har loggen ändrats: berätta det för den som granskar plattformen.',
  'transparency.list.title': 'De senaste kontrollpunkterna, nyaste först',
  'transparency.anchor.time': 'Tidpunkt (svensk tid)',
  'transparency.anchor.row': 'Senaste rad',
  'transparency.anchor.count': 'Antal rader',
  'transparency.anchor.hash': 'Kontrollsumma (SHA-256)',
  'transparency.empty': 'Inga kontrollpunkter har publicerats ännu.',
} satisfies Record<string, string>

const en: Record<keyof typeof sv, string> = {
  'transparency.title': 'Audit log checkpoints',
  'transparency.intro':
    'Every change on Testarena – publications, bids, openings, evaluations and decisions – is written to an audit log in which each row is locked to the row before it by a SHA-256 checksum. Once a day we publish the latest row of the log here: its row number and checksum.',
  'transparency.why.title': 'Why it matters',
  'transparency.why.body':
    'If anyone later struck out the last rows or recomputed the log, a row listed here would no longer be there with the same checksum. That is why anyone can keep a copy of this list: whoever audits the platform (a supervisory authority or an auditor, for example) compares your copy with the log.',
  'transparency.how.title': 'How to keep a copy',
  'transparency.how.body':
    'Print the page or save it as a file with the date. The same row must always have the same checksum; new rows are only ever added. If a checksum in your copy differs from the one shown here, the log has been changed: tell whoever audits the platform.',
  'transparency.list.title': 'The latest checkpoints, newest first',
  'transparency.anchor.time': 'Time (Swedish time)',
  'transparency.anchor.row': 'Latest row',
  'transparency.anchor.count': 'Number of rows',
  'transparency.anchor.hash': 'Checksum (SHA-256)',
  'transparency.empty': 'No checkpoints have been published yet.',
}

export default { sv, en }
