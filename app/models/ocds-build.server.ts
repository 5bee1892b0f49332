import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { OcdsReleaseTag, Procedure, SizeClass } from '#db/schema'
import { isoInstant } from '~/utils/api.server'
import { getEnv } from '~/utils/env.server'

// One OCDS 1.1.5 release of a call, rebuilt AS OF the moment of its change (decision record 040)
// from data that is timestamped and append-only: the call's frozen content, the amendments, the
// criteria and documents in force then, the answers published by then, the opening record, the
// award and the contract. A build that runs late gives the same JSON as one that ran at once.
//
// Never leak: before the opening a release has no bidder name and no bid count; after it only
// the counts (total, SME); after the award the suppliers. Bid contents (prices, answers) and
// scores are never read here — the pages do not publish them either (call-outcome-public).

export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_organizationScale_extension/v1.1.5/extension.json',
]

export function ocidPrefix(): string {
  return getEnv().OCDS_OCID_PREFIX
}

export const ocidOf = (callId: number) => `${ocidPrefix()}-${callId}`

/** The record package of a call, for the link on its public page. */
export const ocdsRecordPath = (callId: number) => `/api/v1/ocds/records/${ocidOf(callId)}`

/** The call id an ocid names, or null when it is not one of ours. */
export function callIdOfOcid(ocid: string): number | null {
  const prefix = `${ocidPrefix()}-`
  if (!ocid.startsWith(prefix)) return null
  const rest = ocid.slice(prefix.length)
  return /^[1-9]\d{0,15}$/.test(rest) ? Number(rest) : null
}

const METHOD: Record<Procedure, { method: string; details: string }> = {
  open: { method: 'open', details: 'Öppet förfarande (LOU 6 kap.) / Open procedure' },
  innovation_partnership: {
    method: 'selective',
    details: 'Innovationspartnerskap (LOU 6 kap. 33 §) / Innovation partnership',
  },
  pcp: {
    method: 'open',
    details: 'Förkommersiell upphandling (PCP, LOU 3 kap. 23 §) / Pre-commercial procurement',
  },
  market_dialogue: {
    method: 'open',
    details: 'Marknadsdialog (RFI, LOU 9 kap. 2 §) / Market dialogue (request for information)',
  },
}

const SCALE: Record<SizeClass, 'micro' | 'sme' | 'large'> = {
  micro: 'micro',
  small: 'sme',
  medium: 'sme',
  large: 'large',
}

interface Org {
  id: number
  name: string
  org_number: string
  kind: string
  size_class: SizeClass | null
  website: string | null
}

const partyId = (org: { org_number: string }) => `SE-ORG-${org.org_number.replace(/\D/g, '')}`

function party(org: Org, roles: string[]) {
  return {
    id: partyId(org),
    name: org.name,
    identifier: { scheme: 'SE-BLV', id: org.org_number, legalName: org.name },
    address: { countryName: 'Sverige' },
    roles,
    ...(org.kind === 'company' && org.size_class
      ? { details: { scale: SCALE[org.size_class] } }
      : {}),
  }
}

const ORG_COLUMNS = ['id', 'name', 'org_number', 'kind', 'size_class', 'website'] as const

export interface ReleaseSource {
  /** The ocds_releases row: with occurred_at it orders changes made in the same second. */
  releaseId: number
  callId: number
  sourceKey: string
  tag: OcdsReleaseTag
  occurredAt: number
  tenderDeadline: number
  questionDeadline: number
}

/** The release JSON (as an object) of one change to a call, as of its own moment. */
export async function buildRelease(
  db: DB,
  source: ReleaseSource,
): Promise<Record<string, unknown>> {
  const asOf = source.occurredAt
  const origin = getEnv().APP_ORIGIN
  const call = await db
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', source.callId)
    .executeTakeFirstOrThrow()
  if (call.published_at === null || call.published_at > asOf) {
    throw new Error(`call ${call.id} was not published at ${asOf}`)
  }
  const ocid = ocidOf(call.id)
  const buyer = await db
    .selectFrom('organisations')
    .select(ORG_COLUMNS)
    .where('id', '=', call.organisation_id)
    .executeTakeFirstOrThrow()
  // What had happened by this release: the releases of the call up to and including it (the store
  // is append-only, so this set never changes for a given release).
  const before = await db
    .selectFrom('ocds_releases')
    .select('source_key')
    .where('call_id', '=', call.id)
    .where(sql<boolean>`(occurred_at, id) <= (${asOf}, ${source.releaseId})`)
    .execute()
  const happened = new Set(before.map((r) => r.source_key))
  const amended = (id: number | null) => id !== null && happened.has(`amendment:${id}`)
  const inForce = (row: { added_in: number | null; removed_in: number | null }) =>
    (row.added_in === null || amended(row.added_in)) && !amended(row.removed_in)
  const opened = happened.has('opened')
  const decided = happened.has('decided')
  const signed = happened.has('contract')
  const dialogue = call.procedure === 'market_dialogue'

  const [allAmendments, allCriteria, allDocuments, cpv, links] = await Promise.all([
    db
      .selectFrom('call_amendments')
      .select(['id', 'number', 'summary', 'published_at'])
      .where('call_id', '=', call.id)
      .where('state', '=', 'published')
      .orderBy('number')
      .execute(),
    db
      .selectFrom('call_criteria')
      .select(['kind', 'title', 'weight', 'position', 'id', 'added_in', 'removed_in'])
      .where('call_id', '=', call.id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('call_documents')
      .select(['id', 'title', 'content_type', 'created_at', 'added_in', 'removed_in'])
      .where('call_id', '=', call.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('call_cpv_codes')
      .innerJoin('cpv_codes', 'cpv_codes.code', 'call_cpv_codes.cpv_code')
      .select(['cpv_codes.code', 'cpv_codes.name_sv'])
      .where('call_cpv_codes.call_id', '=', call.id)
      .orderBy('cpv_codes.code')
      .execute(),
    db
      .selectFrom('call_links')
      .innerJoin('calls as linked', 'linked.id', 'call_links.linked_call_id')
      .select(['linked.id', 'linked.title', 'linked.published_at'])
      .where('call_links.call_id', '=', call.id)
      .where('linked.status', '<>', 'draft')
      .orderBy('linked.id')
      .execute(),
  ])
  const amendments = allAmendments.filter((a) => amended(a.id))
  const criteria = allCriteria.filter(inForce)
  const documents = allDocuments.filter(inForce)
  const answered = [...happened].some((k) => k.startsWith('answer:'))
  const amendmentPublished = new Map(amendments.map((a) => [a.id, a.published_at!]))

  const status = decided
    ? {
        awarded: 'complete',
        unsuccessful: 'unsuccessful',
        cancelled: 'cancelled',
        concluded: 'complete',
      }[call.status as 'awarded' | 'unsuccessful' | 'cancelled' | 'concluded']
    : dialogue && !opened
      ? 'planning'
      : 'active'

  const weighted = criteria.filter((c) => c.kind === 'criterion')
  const musts = criteria.filter((c) => c.kind === 'requirement')
  const criteriaText = [
    weighted.length
      ? `Tilldelningskriterier: ${weighted.map((c) => `${c.title} (${c.weight ?? 0} %)`).join('; ')}.`
      : '',
    musts.length ? `Skall-krav: ${musts.map((c) => c.title).join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ')

  const milestone = (id: string, title: string, type: string, due: number) => ({
    id,
    title,
    type,
    dueDate: isoInstant(due),
    status: due <= asOf ? 'met' : 'scheduled',
  })
  const milestones = [
    milestone('question-deadline', 'Sista dag för frågor', 'engagement', source.questionDeadline),
    milestone(
      'tender-deadline',
      'Sista dag för anbud och öppning',
      'assessment',
      source.tenderDeadline,
    ),
  ]
  if (decided && call.standstill_ends_at !== null && call.status === 'awarded') {
    milestones.push(
      milestone('standstill-end', 'Avtalsspärren löper ut', 'approval', call.standstill_ends_at),
    )
  }

  // Bid statistics: only after the opening, counted from the frozen opening record.
  let bidStats: { total: number; sme: number } | null = null
  if (opened) {
    const counts = await sql<{ total: number; sme: number }>`
      SELECT count(*) AS total,
        coalesce(sum(o.size_class IN ('micro', 'small', 'medium')), 0) AS sme
      FROM bid_openings b, json_each(b.record_json) r
      JOIN organisations o ON o.id = json_extract(r.value, '$.company_id')
      WHERE b.call_id = ${call.id}`.execute(db)
    const row = counts.rows[0]
    bidStats = { total: Number(row?.total ?? 0), sme: Number(row?.sme ?? 0) }
  }

  // Winners: only once the award decision is made.
  const winners =
    decided && call.status === 'awarded'
      ? await db
          .selectFrom('call_awards')
          .innerJoin('bids', 'bids.id', 'call_awards.bid_id')
          .innerJoin('organisations', 'organisations.id', 'bids.company_id')
          .select([
            'call_awards.bid_id',
            'organisations.id',
            'organisations.name',
            'organisations.org_number',
            'organisations.kind',
            'organisations.size_class',
            'organisations.website',
          ])
          .where('call_awards.call_id', '=', call.id)
          .orderBy('call_awards.bid_id')
          .execute()
      : []

  const buyerRef = { id: partyId(buyer), name: buyer.name }
  const value =
    call.estimated_value_sek !== null ? { amount: call.estimated_value_sek, currency: 'SEK' } : null
  const awardId = `${ocid}-award`

  const release: Record<string, unknown> = {
    ocid,
    id: `${ocid}-${source.sourceKey.replace(':', '-')}`,
    date: isoInstant(asOf),
    tag: [source.tag],
    initiationType: 'tender',
    language: 'sv',
    parties: [
      party(buyer, ['buyer', 'procuringEntity']),
      ...winners.map((w) => party(w, ['tenderer', 'supplier'])),
    ],
    buyer: buyerRef,
    planning: {
      rationale: call.need,
      ...(value ? { budget: { description: 'Uppskattat värde', amount: value } } : {}),
    },
    tender: {
      id: `${ocid}-tender`,
      title: call.title,
      description: call.summary,
      status,
      procuringEntity: buyerRef,
      ...(value ? { value } : {}),
      procurementMethod: METHOD[call.procedure].method,
      procurementMethodDetails: METHOD[call.procedure].details,
      mainProcurementCategory: 'services',
      ...(weighted.length ? { awardCriteria: 'ratedCriteria' } : {}),
      ...(criteriaText ? { awardCriteriaDetails: criteriaText } : {}),
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: {
        startDate: isoInstant(call.published_at),
        endDate: isoInstant(source.tenderDeadline),
      },
      enquiryPeriod: {
        startDate: isoInstant(call.published_at),
        endDate: isoInstant(source.questionDeadline),
      },
      hasEnquiries: answered,
      items: cpv.map((c, i) => ({
        id: String(i + 1),
        description: c.name_sv,
        classification: { scheme: 'CPV', id: c.code, description: c.name_sv },
      })),
      documents: documents.map((d) => ({
        id: String(d.id),
        documentType: 'biddingDocuments',
        title: d.title,
        url: `${origin}/calls/${call.id}/documents/${d.id}`,
        format: d.content_type,
        language: 'sv',
        datePublished: isoInstant(
          d.added_in !== null ? (amendmentPublished.get(d.added_in) ?? asOf) : call.published_at!,
        ),
      })),
      milestones,
      ...(amendments.length
        ? {
            amendments: amendments.map((a) => ({
              id: String(a.number),
              date: isoInstant(a.published_at!),
              rationale: a.summary,
              description: `Ändring ${a.number}`,
            })),
          }
        : {}),
      ...(bidStats ? { numberOfTenderers: bidStats.total } : {}),
    },
  }
  if (bidStats) {
    release.bids = {
      statistics: [
        {
          id: 'valid-bids',
          measure: 'validBids',
          value: bidStats.total,
          date: isoInstant(call.opened_at!),
        },
        {
          id: 'sme-bids',
          measure: 'smeBids',
          value: bidStats.sme,
          date: isoInstant(call.opened_at!),
        },
      ],
    }
  }
  if (winners.length) {
    release.awards = [
      {
        id: awardId,
        title: call.title,
        description: call.outcome_reason,
        status: 'active',
        date: isoInstant(call.decided_at!),
        suppliers: winners.map((w) => ({ id: partyId(w), name: w.name })),
        contractPeriod: { startDate: isoInstant(call.standstill_ends_at!) },
      },
    ]
  }
  if (signed) {
    release.contracts = [
      {
        id: `${ocid}-contract`,
        awardID: awardId,
        title: call.title,
        status: 'active',
        dateSigned: isoInstant(call.contract_signed_at!),
      },
    ]
  }
  if (links.length) {
    release.relatedProcesses = links.map((l) => ({
      id: `linked-${l.id}`,
      relationship: ['planning'],
      title: l.title,
      scheme: 'ocid',
      identifier: ocidOf(l.id),
      uri: `${origin}/api/v1/ocds/records/${ocidOf(l.id)}`,
    }))
  }
  return release
}
