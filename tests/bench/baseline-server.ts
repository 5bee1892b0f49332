/**
 * The plain baseline for `npm run bench`: node:http and better-sqlite3 via the same model query
 * as the home page's list, HTML built by string (shared/reference/performance.md).
 */
import { createServer } from 'node:http'
import { openDatabase } from '../../db/connection'
import { listRecentOrganisations } from '../../app/models/organisations.server'

const { db } = openDatabase(process.env.DATABASE_PATH ?? 'data/bench.sqlite')
const port = Number(process.env.PORT ?? 3401)

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

createServer(async (_req, res) => {
  const rows = await listRecentOrganisations(db)
  const items = rows.map(
    (r) =>
      `<li><a href="/organisations/${r.slug}">${escape(r.name)}</a> ${escape(r.county_name)}</li>`,
  )
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(
    `<!doctype html><html lang="sv"><title>Testarena</title><main><ul>${items.join('')}</ul></main></html>`,
  )
}).listen(port, '127.0.0.1', () => console.log(`baseline on ${port}`))
