import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The Kysely view of the database. Times are UTC unix seconds (INTEGER), booleans are 0/1.
 * Columns are `T | null`, never optional, so a forgotten column is a type error.
 */
export interface Database {
  counties: CountiesTable
  municipalities: MunicipalitiesTable
  sectors: SectorsTable
  users: UsersTable
  sessions: SessionsTable
  password_resets: PasswordResetsTable
  organisations: OrganisationsTable
  organisation_sectors: OrganisationSectorsTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  outbox: OutboxTable
  audit_log: AuditLogTable
}

export type Bool = 0 | 1
export type Locale = 'sv' | 'en'

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

export const ORGANISATION_KINDS = ['public_body', 'company'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]
export const PUBLIC_BODY_TYPES = ['region', 'municipality', 'agency', 'public_company'] as const
export type PublicBodyType = (typeof PUBLIC_BODY_TYPES)[number]
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const
export type SizeClass = (typeof SIZE_CLASSES)[number]
export const VERIFICATION_STATUSES = ['not_required', 'pending', 'verified', 'rejected'] as const
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number]
export const MEMBER_ROLES = ['admin', 'member'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

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
}
export type AuditEntry = Selectable<AuditLogTable>
