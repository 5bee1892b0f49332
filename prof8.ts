import Database from 'better-sqlite3'
import { holdsAll } from './app/utils/search-query'
const d = new Database('/tmp/wt-search-bench.sqlite', { readonly: true })
const time = (name: string, f: () => unknown) => { f(); const t = performance.now(); let r; for (let i=0;i<5;i++) r = f(); console.log(name, ((performance.now() - t)/5).toFixed(1), 'ms', Array.isArray(r) ? r.length : r) }
const q = '"drönare"'
let ids: number[] = []
time('window call', () => ids = d.prepare(`SELECT rowid FROM search_fts_call WHERE search_fts_call MATCH ? ORDER BY rowid DESC LIMIT 1001`).pluck().all(q) as number[])
time('window tb', () => d.prepare(`SELECT rowid FROM search_fts_test_bed WHERE search_fts_test_bed MATCH ? ORDER BY rowid DESC LIMIT 1001`).pluck().all(q))
time('window org', () => d.prepare(`SELECT rowid FROM search_fts_organisation WHERE search_fts_organisation MATCH ? ORDER BY rowid DESC LIMIT 1001`).pluck().all(q))
let rows: any[] = []
time('details 1000', () => rows = d.prepare(`SELECT id, kind, title, status, procedure, themes, counties FROM search_documents WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)))
time('json parse', () => rows.map((r) => [JSON.parse(r.themes), JSON.parse(r.counties)]))
time('holdsAll', () => rows.map((r) => holdsAll(r.title, ['drönare'])))
const S = 2 ** 40
time('short scan 10k', () => d.prepare(`SELECT id FROM search_documents WHERE id IN (SELECT id FROM search_documents WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT 10000) AND title LIKE '%AI%' ORDER BY id DESC LIMIT 1001`).all(2 * S, 3 * S - 1))
time('short scan direct', () => d.prepare(`SELECT id FROM search_documents WHERE id BETWEEN ? AND ? AND title LIKE '%AI%' ORDER BY id DESC LIMIT 1001`).all(2 * S, 3 * S - 1))
time('short scan kind', () => d.prepare(`SELECT id FROM search_documents WHERE id IN (SELECT id FROM search_documents WHERE kind = 'call' ORDER BY id DESC LIMIT 10000) AND title LIKE '%AI%' ORDER BY id DESC LIMIT 1001`).all())
