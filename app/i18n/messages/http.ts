// Texts for the server's own answers: body too large, wrong content type, proxy host mismatch, busy database (issue 13).
const sv = {
  'http.tooLarge.title': 'Det du skickade är för stort',
  'http.tooLarge.form':
    'Formuläret är större än {size}, som är det mesta Testarena tar emot i ett formulär. Ingenting sparades. Gå tillbaka, korta texten och skicka igen.',
  'http.tooLarge.upload':
    'Det du skickade är större än {size}. Ett dokument får vara högst {document}. Ingenting sparades. Gå tillbaka och välj en mindre fil.',
  'http.unsupportedType.title': 'Formuläret kunde inte tas emot',
  'http.unsupportedType.body':
    'Testarena tar bara emot formulär så som en webbläsare skickar dem (application/x-www-form-urlencoded eller multipart/form-data). Ingenting sparades. Gå tillbaka och skicka formuläret från sidan.',
  'http.badRequest.body':
    'Formuläret kom fram ofullständigt eller i fel format och kunde inte läsas. Ingenting sparades. Gå tillbaka och skicka igen.',
  'http.badHost.body':
    'Adressen i begäran är inte giltig, så den kunde inte tas emot. Öppna Testarena via dess vanliga adress.',
  'http.crossSite.title': 'Begäran från annan webbplats nekad',
  'http.crossSite.body':
    'Formuläret skickades från en annan webbplats, eller till en annan adress än den Testarena har, så det togs inte emot. Ingenting sparades. Öppna Testarena via dess vanliga adress och försök igen.',
  'http.crossSite.detail':
    'Teknisk information för den som driver tjänsten: begäran kom från {origin} men servern väntade sig {expected}.',
  'http.busy.title': 'Testarena är upptagen just nu',
  'http.busy.body':
    'Många sparar samtidigt, och det du skickade hann inte sparas. Vänta några sekunder, gå tillbaka och skicka igen.',
  'http.otherLanguage': 'In English:',
} satisfies Record<string, string>

const en: Record<keyof typeof sv, string> = {
  'http.tooLarge.title': 'What you sent is too large',
  'http.tooLarge.form':
    'The form is larger than {size}, which is the most Testarena accepts in a form. Nothing was saved. Go back, shorten the text and send it again.',
  'http.tooLarge.upload':
    'What you sent is larger than {size}. A document may be at most {document}. Nothing was saved. Go back and choose a smaller file.',
  'http.unsupportedType.title': 'The form could not be received',
  'http.unsupportedType.body':
    'Testarena only accepts forms the way a browser sends them (application/x-www-form-urlencoded or multipart/form-data). Nothing was saved. Go back and send the form from the page.',
  'http.badRequest.body':
    'The form arrived incomplete or in the wrong format and could not be read. Nothing was saved. Go back and send it again.',
  'http.badHost.body':
    'The address in the request is not valid, so it could not be received. Open Testarena at its usual address.',
  'http.crossSite.title': 'Cross-site request refused',
  'http.crossSite.body':
    'The form was sent from another website, or to another address than Testarena’s, so it was not received. Nothing was saved. Open Testarena at its usual address and try again.',
  'http.crossSite.detail':
    'Technical details for whoever runs the service: the request came from {origin} but the server expected {expected}.',
  'http.busy.title': 'Testarena is busy right now',
  'http.busy.body':
    'Many people are saving at the same time, and what you sent could not be saved in time. Wait a few seconds, go back and send it again.',
  'http.otherLanguage': 'På svenska:',
}

export default { sv, en }
