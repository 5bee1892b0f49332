/**
 * The plain baseline of `npm run bench` (decision 047, shared/reference/performance.md): node:http
 * and better-sqlite3, one prepared statement, HTML by string. Every path answers with the first
 * page of the public calls list: the 20 newest published calls of the same database, with the
 * buyer and county the app's cards show, through the same index (calls_by_published): CROSS JOIN
 * keeps calls the outer loop, since with the scale database's statistics SQLite would otherwise
 * start from counties and sort every call (0.7 s a page). Whatever the app does beyond this
 * (layout, session, i18n, CSP, React) is what the ratio measures.
 */
import { createServer } from 'node:http'
import SQLite from 'better-sqlite3'

const sqlite = new SQLite(process.env.DATABASE_PATH ?? 'data/scale.sqlite', { readonly: true })
const port = Number(process.env.PORT ?? 3401)

const page = sqlite.prepare(
  `SELECT calls.id, calls.title, calls.summary, calls.tender_deadline,
    buyer.name AS buyer_name, counties.name AS county_name
  FROM calls
  CROSS JOIN organisations AS buyer ON buyer.id = calls.organisation_id
  CROSS JOIN counties ON counties.code = calls.county_code
  WHERE calls.status <> 'draft'
  ORDER BY calls.published_at DESC, calls.id DESC
  LIMIT 20`,
)

interface Row {
  id: number
  title: string
  summary: string
  tender_deadline: number
  buyer_name: string
  county_name: string
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => entities[c]!)

createServer((_req, res) => {
  const items = (page.all() as Row[]).map(
    (r) =>
      `<li><h2><a href="/calls/${r.id}">${escape(r.title)}</a></h2><p>${escape(r.summary)}</p>` +
      `<p>${escape(r.buyer_name)}, ${escape(r.county_name)}, ` +
      `${new Date(r.tender_deadline * 1000).toISOString().slice(0, 10)}</p></li>`,
  )
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(
    `<!doctype html><html lang="sv"><title>Testarena</title><main><ul>${items.join('')}</ul></main></html>`,
  )
}).listen(port, '127.0.0.1', () => console.log(`baseline on ${port}`))
