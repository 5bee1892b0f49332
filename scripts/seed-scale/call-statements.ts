import type SQLite from 'better-sqlite3'

// The prepared statements of the calls phase, prepared once and reused for every row. They are
// the plain writes the app's models make; the triggers of the migrations check each of them.

// The opening record as the rule bid_openings_record rebuilds it (db/migrations/…-03-calls.ts).
const OPENING_RECORD = `(SELECT json_group_array(json_object(
    'bid_id', id, 'company_id', company_id, 'submitted_at', submitted_at, 'receipt_hash', receipt_hash))
    FROM (SELECT id, company_id, submitted_at, receipt_hash FROM bids
      WHERE call_id = ? AND status = 'submitted' ORDER BY id))`

export function callStatements(sqlite: SQLite.Database) {
  return {
    call: sqlite.prepare(`INSERT INTO calls (organisation_id, procedure, title, summary, need,
      functional_requirements, novel_to_market, includes_rnd, estimated_value_sek, max_winners,
      county_code, municipality_code, question_deadline, tender_deadline, standstill_days,
      created_by, updated_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    criterion:
      sqlite.prepare(`INSERT INTO call_criteria (call_id, kind, position, title, description, weight)
      VALUES (?, ?, ?, ?, ?, ?)`),
    theme: sqlite.prepare('INSERT INTO call_themes (call_id, theme_code) VALUES (?, ?)'),
    cpv: sqlite.prepare('INSERT INTO call_cpv_codes (call_id, cpv_code) VALUES (?, ?)'),
    publish:
      sqlite.prepare(`UPDATE calls SET status = 'published', published_at = ?, updated_by = ?,
      updated_at = ? WHERE id = ?`),
    question: sqlite.prepare(`INSERT INTO call_questions (call_id, asker_user_id, body, asked_at)
      VALUES (?, ?, ?, ?)`),
    answer: sqlite.prepare(`INSERT INTO call_answers (call_id, question_id, question_text, body,
      published_by, published_at) VALUES (?, ?, ?, ?, ?, ?)`),
    bid: sqlite.prepare(`INSERT INTO bids (call_id, company_id, sealed, seal_key_id, content_hash,
      created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    submit:
      sqlite.prepare(`UPDATE bids SET status = 'submitted', submitted_at = ?, submitted_by = ?,
      receipt_hash = ?, updated_by = ?, updated_at = ? WHERE id = ?`),
    withdraw:
      sqlite.prepare(`UPDATE bids SET status = 'withdrawn', withdrawn_at = ?, updated_by = ?,
      updated_at = ? WHERE id = ?`),
    open: sqlite.prepare(`INSERT INTO bid_openings (call_id, opened_by, opened_at, record_json)
      SELECT ?, ?, ?, ${OPENING_RECORD}`),
    declare: sqlite.prepare(`INSERT INTO evaluator_declarations (call_id, user_id, declared_at)
      VALUES (?, ?, ?)`),
    score: sqlite.prepare(`INSERT INTO bid_scores (bid_id, criterion_id, evaluator_id, score,
      justification, scored_at) VALUES (?, ?, ?, ?, ?, ?)`),
    evaluated:
      sqlite.prepare(`UPDATE calls SET status = 'evaluated', evaluated_at = ?, updated_by = ?,
      updated_at = ? WHERE id = ?`),
    // The best passing bids, as many as the call may award (ties broken by the earlier bid).
    winners: sqlite.prepare(`SELECT r.bid_id FROM bid_results r WHERE r.call_id = ? AND r.passes = 1
      ORDER BY r.score DESC, r.bid_id LIMIT (SELECT max_winners FROM calls WHERE id = ?)`),
    award: sqlite.prepare('INSERT INTO call_awards (call_id, bid_id, created_at) VALUES (?, ?, ?)'),
    standstill: sqlite.prepare('SELECT standstill_days FROM calls WHERE id = ?'),
    awarded: sqlite.prepare(`UPDATE calls SET status = 'awarded', decided_at = ?, decided_by = ?,
      updated_by = ?, updated_at = ?, outcome_reason = ?, standstill_ends_at = ? WHERE id = ?`),
    decide:
      sqlite.prepare(`UPDATE calls SET status = ?, decided_at = ?, decided_by = ?, updated_by = ?,
      updated_at = ?, outcome_reason = ? WHERE id = ?`),
    sign: sqlite.prepare(`UPDATE calls SET contract_signed_at = ?, contract_signed_by = ?,
      updated_by = ?, updated_at = ? WHERE id = ?`),
  }
}
