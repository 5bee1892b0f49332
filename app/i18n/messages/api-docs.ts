// The read API's documentation page /api/v1/docs (issue 17 part 5, decision record 041). The
// paths, parameters and schemas come from the OpenAPI document (English, like the API itself).

const sv = {
  'apiDocs.title': 'Öppna data: Testarenas API',
  'apiDocs.lead':
    'Testarena publicerar det som redan är offentligt på webbplatsen även som maskinläsbar JSON: testbäddar, upphandlingar, referenscase, organisationer, initiativ och regionala innovationsagendor, samt upphandlingarna enligt Open Contracting Data Standard (OCDS). Journalister, forskare, andra regioner och företagens egna verktyg kan hämta och analysera uppgifterna utan att skrapa sidorna.',
  'apiDocs.document': 'Hela beskrivningen som OpenAPI 3.1 (JSON)',
  'apiDocs.langNote': 'API:t talar engelska: fältnamn, felmeddelanden och beskrivningarna nedan.',
  'apiDocs.terms.title': 'Villkor och licens',
  'apiDocs.terms.body':
    'Uppgifterna är öppna data. Ange Testarena som källa. Varje OCDS-paket anger sin licens i fältet license. Inget utkast, inget förseglat anbud och inga personers egna e-postadresser finns i API:t: samma synlighet som på sidorna.',
  'apiDocs.how.title': 'Så fungerar API:t',
  'apiDocs.how.read': 'Bara läsning: GET (och HEAD). Svaren är JSON i UTF-8.',
  'apiDocs.how.paging':
    'Listor visar det nyaste först, {default} per sida (högst {max} med limit). Nästa sida finns i links.next och i Link-huvudet (rel="next"); links.next är null på sista sidan. Markören (cursor) är ogenomskinlig: använd den som den är.',
  'apiDocs.how.since': 'Med since (ett ISO 8601-datum) får du bara det som publicerats sedan dess.',
  'apiDocs.how.etag':
    'Varje svar har en ETag. Skicka den i If-None-Match så får du 304 Not Modified utan innehåll när inget ändrats.',
  'apiDocs.how.cors':
    'CORS är öppet för GET: en webbsida på en annan adress kan läsa svaren direkt.',
  'apiDocs.how.limit':
    'Högst {burst} anrop i följd per IP-adress, sedan {perMinute} i minuten. Över gränsen svarar API:t 429 med Retry-After.',
  'apiDocs.how.formats':
    'Tider i ISO 8601 (UTC), belopp som {amount, currency: "SEK"}, län och kommuner med SCB:s koder.',
  'apiDocs.paths.title': 'Adresser',
  'apiDocs.param.name': 'Parameter',
  'apiDocs.param.in': 'Var',
  'apiDocs.param.in.query': 'fråga',
  'apiDocs.param.in.path': 'sökväg',
  'apiDocs.param.values': 'Värden',
  'apiDocs.param.description': 'Beskrivning',
  'apiDocs.param.caption': 'Parametrar för {path}',
  'apiDocs.param.none': 'Inga parametrar.',
  'apiDocs.example': 'Exempel',
  'apiDocs.response': 'Svar 200: {what}',
  'apiDocs.schema': 'schemat {name} i OpenAPI-dokumentet',
  'apiDocs.ocdsSchema': 'OCDS 1.1.5-schemat',
  'apiDocs.problems.title': 'Fel (RFC 9457)',
  'apiDocs.problems.intro':
    'Ett fel är ett application/problem+json-dokument med type, title, status, detail och instance. Fältet type pekar på rubrikerna här.',
  'apiDocs.problem.notFound.title': '404 Not Found',
  'apiDocs.problem.notFound.body':
    'Inget offentligt objekt har denna identitet. Samma svar för en okänd identitet och för ett utkast eller något annat som inte är offentligt, så att API:t inte avslöjar vad som finns.',
  'apiDocs.problem.badRequest.title': '400 Bad Request',
  'apiDocs.problem.badRequest.body':
    'En parameter är okänd, angiven två gånger eller har ett otillåtet värde (till exempel en markör som inte kommer från API:t). Fältet errors listar varje parameter och vad som var fel.',
  'apiDocs.problem.tooMany.title': '429 Too Many Requests',
  'apiDocs.problem.tooMany.body':
    'För många anrop från samma IP-adress. Vänta så många sekunder som Retry-After anger och försök igen.',
}

const en: Record<keyof typeof sv, string> = {
  'apiDocs.title': 'Open data: the Testarena API',
  'apiDocs.lead':
    'Testarena publishes what is already public on the site as machine-readable JSON too: test beds, procurement calls, reference cases, organisations, initiatives and regional innovation agendas, and the calls in the Open Contracting Data Standard (OCDS). Journalists, researchers, other regions and companies’ own tools can fetch and analyse the data without scraping the pages.',
  'apiDocs.document': 'The whole description as OpenAPI 3.1 (JSON)',
  'apiDocs.langNote':
    'The API speaks English: field names, error messages and the descriptions below.',
  'apiDocs.terms.title': 'Terms and licence',
  'apiDocs.terms.body':
    'The data is open data. Name Testarena as the source. Each OCDS package states its licence in its license field. No draft, no sealed bid and no person’s own e-mail address is in the API: the same visibility as the pages.',
  'apiDocs.how.title': 'How the API works',
  'apiDocs.how.read': 'Read only: GET (and HEAD). Answers are JSON in UTF-8.',
  'apiDocs.how.paging':
    'Lists show the newest first, {default} a page (at most {max} with limit). The next page is in links.next and in the Link header (rel="next"); links.next is null on the last page. The cursor is opaque: use it as it is.',
  'apiDocs.how.since': 'With since (an ISO 8601 date) you get only what was published since then.',
  'apiDocs.how.etag':
    'Every answer has an ETag. Send it as If-None-Match to get 304 Not Modified without a body when nothing changed.',
  'apiDocs.how.cors': 'CORS is open for GET: a web page at another address can read the answers.',
  'apiDocs.how.limit':
    'At most {burst} requests in a row per IP address, then {perMinute} a minute. Over the limit the API answers 429 with Retry-After.',
  'apiDocs.how.formats':
    'Times in ISO 8601 (UTC), amounts as {amount, currency: "SEK"}, counties and municipalities by their SCB codes.',
  'apiDocs.paths.title': 'Paths',
  'apiDocs.param.name': 'Parameter',
  'apiDocs.param.in': 'In',
  'apiDocs.param.in.query': 'query',
  'apiDocs.param.in.path': 'path',
  'apiDocs.param.values': 'Values',
  'apiDocs.param.description': 'Description',
  'apiDocs.param.caption': 'Parameters of {path}',
  'apiDocs.param.none': 'No parameters.',
  'apiDocs.example': 'Example',
  'apiDocs.response': 'Answer 200: {what}',
  'apiDocs.schema': 'the schema {name} in the OpenAPI document',
  'apiDocs.ocdsSchema': 'the OCDS 1.1.5 schema',
  'apiDocs.problems.title': 'Problems (RFC 9457)',
  'apiDocs.problems.intro':
    'An error is an application/problem+json document with type, title, status, detail and instance. Its type points at the headings here.',
  'apiDocs.problem.notFound.title': '404 Not Found',
  'apiDocs.problem.notFound.body':
    'No public resource has this identifier. The same answer for an unknown identifier and for a draft or anything else not public, so the API does not reveal what exists.',
  'apiDocs.problem.badRequest.title': '400 Bad Request',
  'apiDocs.problem.badRequest.body':
    'A parameter is unknown, given twice or has a value not allowed (for example a cursor the API did not make). The errors field lists each parameter and what was wrong.',
  'apiDocs.problem.tooMany.title': '429 Too Many Requests',
  'apiDocs.problem.tooMany.body':
    'Too many requests from one IP address. Wait as many seconds as Retry-After says and try again.',
}

export default { sv, en }
