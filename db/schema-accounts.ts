import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Bool, Locale } from './schema-columns'

// Accounts, organisations, mail and the audit log (migration 2026-11-25-01-foundation and later).

export interface CountiesTable {
  code: string
  name: string
  short_name: string
}

export interface MunicipalitiesTable {
  code: string
  name: string
  short_name: string
  county_code: string
}

export interface SectorsTable {
  code: string
  name_sv: string
  name_en: string
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  password_hash: string
  locale: Locale
  is_platform_admin: ColumnType<Bool, Bool | undefined, Bool>
  created_at: number
  updated_at: number
  password_changed_at: number
  /** Null until the address is confirmed through the link in the sign-up mail. */
  email_confirmed_at: number | null
}
export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>

export interface SessionsTable {
  id: string
  user_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
  user_agent: string | null
  ip: string | null
}
export type Session = Selectable<SessionsTable>

export interface PasswordResetsTable {
  id: string
  user_id: number
  created_at: number
  expires_at: number
  used_at: number | null
}

/** A sign-up's confirmation link; `id` is the SHA-256 of the token in the mail. */
export interface SignupConfirmationsTable {
  id: string
  user_id: number
  name: string
  password_hash: string
  locale: Locale
  created_at: number
  expires_at: number
  used_at: number | null
}

export type OrganisationKind = 'public_body' | 'company' | 'intermediary'
export type PublicBodyType = 'region' | 'municipality' | 'agency' | 'public_company'
/** Intermediaries (migration 2026-12-07-09, decision 026): they support, not procure. */
export type IntermediaryType =
  'industrial_development_centre' | 'cluster' | 'science_park' | 'university' | 'government_agency'
export type SizeClass = 'micro' | 'small' | 'medium' | 'large'
export type VerificationStatus = 'not_required' | 'pending' | 'verified' | 'rejected'
export type MemberRole = 'admin' | 'member'

export interface OrganisationsTable {
  id: Generated<number>
  slug: string
  kind: OrganisationKind
  public_body_type: PublicBodyType | null
  name: string
  org_number: string
  county_code: string
  municipality_code: string | null
  size_class: SizeClass | null
  website: string | null
  description: string
  verification_status: VerificationStatus
  verification_note: string | null
  verified_at: number | null
  verified_by: number | null
  created_at: number
  updated_at: number
  intermediary_type: ColumnType<
    IntermediaryType | null,
    IntermediaryType | null | undefined,
    IntermediaryType | null
  >
}
export type Organisation = Selectable<OrganisationsTable>
export type OrganisationUpdate = Updateable<OrganisationsTable>

export interface OrganisationSectorsTable {
  organisation_id: number
  sector_code: string
}

export interface MembershipsTable {
  organisation_id: number
  user_id: number
  role: MemberRole
  created_at: number
}

export interface InvitationsTable {
  id: Generated<number>
  organisation_id: number
  email: string
  role: MemberRole
  token_hash: string
  invited_by: number
  created_at: number
  expires_at: number
  accepted_at: number | null
  accepted_by: number | null
  revoked_at: number | null
}

export interface OutboxTable {
  id: Generated<number>
  to_address: string
  subject: string
  text_body: string
  html_body: string | null
  template: string
  created_at: number
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: number
  last_error: string | null
  sent_at: number | null
  message_id: string | null
  /** Set when a reference-call request's mail text was erased (retention, migration 04). */
  erased_at: ColumnType<number | null, number | null | undefined, number | null>
  /** RFC 8058 List-Unsubscribe URL (migration 2026-12-07-21-notifications). */
  list_unsubscribe: ColumnType<string | null, string | null | undefined, never>
}
export type OutboxMessage = Selectable<OutboxTable>

export interface AuditLogTable {
  id: Generated<number>
  at: number
  actor_user_id: number | null
  organisation_id: number | null
  action: string
  entity_type: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  prev_hash: string
  hash: string
  /** HMAC-SHA256 over `hash` with the audit key (migration 06); null on rows written before it. */
  mac: ColumnType<string | null, string | null | undefined, string | null>
}
export type AuditEntry = Selectable<AuditLogTable>

/** The audit chain's head at a moment, keyed (append-only; migration 2026-12-07-06). */
export interface AuditAnchorsTable {
  id: Generated<number>
  at: number
  head_id: number
  head_hash: string
  row_count: number
  mac: string
}
export type AuditAnchor = Selectable<AuditAnchorsTable>

/** The home page's figures per county, kept by triggers on organisations (decision record 045). */
export interface MarketplaceCountsTable {
  county_code: string
  public_bodies: number
  companies: number
  visible: number
}
