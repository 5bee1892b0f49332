// Texts for sharing and findability: the description search engines and link previews show for a
// page without its own (issue 16, part 6; decision 039).
const sv = {
  'findability.description':
    'Testarena är marknadsplatsen där regioner och kommuner erbjuder testbäddar och innovationsupphandlingar, och där företag – inte minst små – hittar dem, ansöker, lämnar anbud och blir referenser.',
}

const en: Record<keyof typeof sv, string> = {
  'findability.description':
    'Testarena is the marketplace where Swedish regions and municipalities offer test beds and innovation procurement calls, and where companies – small ones above all – find them, apply, bid and become references.',
}

export default { sv, en }
