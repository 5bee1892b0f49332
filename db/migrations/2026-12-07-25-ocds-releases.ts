import { type Kysely, sql } from 'kysely'
import { guards, shapeOf } from './2026-12-07-08-conflict-guards'

// Frozen once landed. OCDS releases (issue 17, decision record 040): one row per published change
// to a call, written BY TRIGGERS where the change happens, so no code path (and no raw SQL) can
// publish, amend, answer, open, decide or sign a call without a release falling due:
//
// - `source_key` names the change once per call ('published', 'amendment:3', 'answer:12',
//   'opened', 'decided', 'contract'); UNIQUE(call_id, source_key), and the triggers insert with
//   WHERE NOT EXISTS, so a trigger that runs again writes nothing.
// - `tag` is the OCDS releaseTag code; `occurred_at` the moment of the change (unix s);
//   `tender_deadline` and `question_deadline` the deadlines in force at that moment (the call row
//   only keeps the latest, so a release built later still shows the terms of its own moment).
// - `body` (the release JSON) and `built_at` are written once by the builder
//   (app/models/ocds-releases.server.ts), from NULL to a value, and are frozen from then on.
//   Nothing else ever changes; rows are never deleted. Conflict guards refuse REPLACE/UPSERT.
//
// Evaluation is internal and publishes nothing. Calls already published when this runs get their
// pending rows in the order of their history (backfill at the end).

const TAGS = `'planning', 'planningUpdate', 'tender', 'tenderAmendment', 'tenderUpdate',
  'tenderCancellation', 'award', 'contract'`

const dialogue = (callId: string) =>
  `(SELECT procedure FROM calls WHERE id = ${callId}) = 'market_dialogue'`

/** Inserts a pending release unless one with this key is there. */
const DUE = (
  callId: string,
  key: string,
  tag: string,
  at: string,
  tender: string,
  question: string,
) => `INSERT INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
      question_deadline)
    SELECT ${callId}, ${key}, ${tag}, ${at}, ${tender}, ${question}
    WHERE NOT EXISTS (SELECT 1 FROM ocds_releases WHERE call_id = ${callId} AND source_key = ${key});`

const fromCall = (callId: string) =>
  [
    `(SELECT tender_deadline FROM calls WHERE id = ${callId})`,
    `(SELECT question_deadline FROM calls WHERE id = ${callId})`,
  ] as const

const statements: string[] = [
  `CREATE TABLE ocds_releases (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES calls(id),
    source_key TEXT NOT NULL CHECK (length(source_key) BETWEEN 3 AND 40),
    tag TEXT NOT NULL CHECK (tag IN (${TAGS})),
    occurred_at INTEGER NOT NULL,
    tender_deadline INTEGER NOT NULL,
    question_deadline INTEGER NOT NULL,
    body TEXT CHECK (body IS NULL OR json_valid(body)),
    built_at INTEGER,
    CHECK ((body IS NULL) = (built_at IS NULL)),
    UNIQUE (call_id, source_key)
  ) STRICT`,
  // The public feed, newest first (keyset paging over occurred_at, id), and the builder's queue.
  `CREATE INDEX ocds_releases_feed ON ocds_releases(occurred_at DESC, id DESC) WHERE body IS NOT NULL`,
  `CREATE INDEX ocds_releases_by_call ON ocds_releases(call_id, occurred_at, id)`,
  `CREATE INDEX ocds_releases_pending ON ocds_releases(occurred_at, id) WHERE body IS NULL`,
  `CREATE TRIGGER ocds_releases_fixed BEFORE UPDATE ON ocds_releases
    WHEN NEW.id IS NOT OLD.id OR NEW.call_id IS NOT OLD.call_id
      OR NEW.source_key IS NOT OLD.source_key OR NEW.tag IS NOT OLD.tag
      OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.tender_deadline IS NOT OLD.tender_deadline
      OR NEW.question_deadline IS NOT OLD.question_deadline
      OR (OLD.body IS NOT NULL AND (NEW.body IS NOT OLD.body OR NEW.built_at IS NOT OLD.built_at))
    BEGIN SELECT RAISE(ABORT, 'testarena:ocds_release_fixed'); END`,
  `CREATE TRIGGER ocds_releases_no_delete BEFORE DELETE ON ocds_releases
    BEGIN SELECT RAISE(ABORT, 'testarena:ocds_release_fixed'); END`,
  // Only the triggers below write a release that is due: never a draft's, never a built one.
  `CREATE TRIGGER ocds_releases_insert_pending BEFORE INSERT ON ocds_releases
    WHEN NEW.body IS NOT NULL OR NEW.built_at IS NOT NULL
      OR coalesce((SELECT status FROM calls WHERE id = NEW.call_id), 'draft') = 'draft'
    BEGIN SELECT RAISE(ABORT, 'testarena:ocds_release_fixed'); END`,

  // What makes a release due.
  `CREATE TRIGGER calls_ocds_published AFTER UPDATE OF status ON calls
    WHEN OLD.status = 'draft' AND NEW.status = 'published'
    BEGIN ${DUE(
      'NEW.id',
      "'published'",
      "CASE NEW.procedure WHEN 'market_dialogue' THEN 'planning' ELSE 'tender' END",
      'NEW.published_at',
      'NEW.tender_deadline',
      'NEW.question_deadline',
    )} END`,
  `CREATE TRIGGER call_amendments_ocds AFTER UPDATE OF state ON call_amendments
    WHEN OLD.state = 'open' AND NEW.state = 'published'
    BEGIN ${DUE(
      'NEW.call_id',
      "'amendment:' || NEW.id",
      `CASE WHEN ${dialogue('NEW.call_id')} THEN 'planningUpdate' ELSE 'tenderAmendment' END`,
      'NEW.published_at',
      'NEW.tender_deadline',
      'NEW.question_deadline',
    )} END`,
  `CREATE TRIGGER call_answers_ocds AFTER INSERT ON call_answers
    BEGIN ${DUE(
      'NEW.call_id',
      "'answer:' || NEW.id",
      `CASE WHEN ${dialogue('NEW.call_id')} THEN 'planningUpdate' ELSE 'tenderUpdate' END`,
      'NEW.published_at',
      ...fromCall('NEW.call_id'),
    )} END`,
  `CREATE TRIGGER calls_ocds_opened AFTER UPDATE OF status ON calls
    WHEN OLD.status = 'published' AND NEW.status = 'opened'
    BEGIN ${DUE(
      'NEW.id',
      "'opened'",
      "CASE NEW.procedure WHEN 'market_dialogue' THEN 'planningUpdate' ELSE 'tenderUpdate' END",
      'NEW.opened_at',
      'NEW.tender_deadline',
      'NEW.question_deadline',
    )} END`,
  `CREATE TRIGGER calls_ocds_decided AFTER UPDATE OF status ON calls
    WHEN OLD.status IS NOT NEW.status
      AND NEW.status IN ('awarded', 'unsuccessful', 'cancelled', 'concluded')
    BEGIN ${DUE(
      'NEW.id',
      "'decided'",
      `CASE NEW.status WHEN 'awarded' THEN 'award' WHEN 'cancelled' THEN 'tenderCancellation'
        WHEN 'concluded' THEN 'planningUpdate' ELSE 'tenderUpdate' END`,
      'NEW.decided_at',
      'NEW.tender_deadline',
      'NEW.question_deadline',
    )} END`,
  `CREATE TRIGGER calls_ocds_contract AFTER UPDATE OF contract_signed_at ON calls
    WHEN OLD.contract_signed_at IS NULL AND NEW.contract_signed_at IS NOT NULL
    BEGIN ${DUE(
      'NEW.id',
      "'contract'",
      "'contract'",
      'NEW.contract_signed_at',
      'NEW.tender_deadline',
      'NEW.question_deadline',
    )} END`,
]

// Backfill, oldest change first. A call's first amendment moved its deadlines away from the
// original ones, which the call row no longer keeps: releases before it carry the deadlines of the
// first amendment (never earlier than the original: amendments only extend).
const firstTerms = (col: 'tender_deadline' | 'question_deadline') => `coalesce(
  (SELECT a.${col} FROM call_amendments a WHERE a.call_id = c.id AND a.state = 'published'
    AND a.published_at > e.at ORDER BY a.number LIMIT 1), c.${col})`

const BACKFILL = `INSERT INTO ocds_releases (call_id, source_key, tag, occurred_at, tender_deadline,
    question_deadline)
  SELECT c.id, e.key, e.tag, e.at, ${firstTerms('tender_deadline')}, ${firstTerms('question_deadline')}
  FROM (
    SELECT id AS call_id, 'published' AS key,
      CASE procedure WHEN 'market_dialogue' THEN 'planning' ELSE 'tender' END AS tag,
      published_at AS at, 0 AS seq
    FROM calls WHERE status <> 'draft'
    UNION ALL
    SELECT a.call_id, 'amendment:' || a.id,
      CASE WHEN ${dialogue('a.call_id')} THEN 'planningUpdate' ELSE 'tenderAmendment' END,
      a.published_at, 1
    FROM call_amendments a WHERE a.state = 'published'
    UNION ALL
    SELECT q.call_id, 'answer:' || q.id,
      CASE WHEN ${dialogue('q.call_id')} THEN 'planningUpdate' ELSE 'tenderUpdate' END,
      q.published_at, 2
    FROM call_answers q
    UNION ALL
    SELECT id, 'opened',
      CASE procedure WHEN 'market_dialogue' THEN 'planningUpdate' ELSE 'tenderUpdate' END,
      opened_at, 3
    FROM calls WHERE opened_at IS NOT NULL
    UNION ALL
    SELECT id, 'decided',
      CASE status WHEN 'awarded' THEN 'award' WHEN 'cancelled' THEN 'tenderCancellation'
        WHEN 'concluded' THEN 'planningUpdate' ELSE 'tenderUpdate' END,
      decided_at, 4
    FROM calls WHERE decided_at IS NOT NULL
    UNION ALL
    SELECT id, 'contract', 'contract', contract_signed_at, 5
    FROM calls WHERE contract_signed_at IS NOT NULL
  ) e JOIN calls c ON c.id = e.call_id
  WHERE c.status <> 'draft'
  ORDER BY e.at, e.seq, e.key`

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
  await sql.raw(BACKFILL).execute(db)
  for (const guard of guards('ocds_releases', await shapeOf(db, 'ocds_releases'))) {
    await sql.raw(guard).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'calls_ocds_published',
    'call_amendments_ocds',
    'call_answers_ocds',
    'calls_ocds_opened',
    'calls_ocds_decided',
    'calls_ocds_contract',
  ]) {
    await sql.raw(`DROP TRIGGER ${trigger}`).execute(db)
  }
  await sql.raw('DROP TABLE ocds_releases').execute(db)
}
