import type {
  DeliveryMode,
  FollowTarget,
  NotificationChannel,
  AccessModel,
  ApplicationStatus,
  BidStatus,
  CallStatus,
  CriterionKind,
  Intake,
  IntermediaryType,
  MemberRole,
  OfferStatus,
  OrganisationKind,
  PilotStatus,
  Procedure,
  PublicBodyType,
  SizeClass,
  VerificationStatus,
} from '#db/schema'

// The fixed vocabularies of the domain, for forms, filters and zod schemas on server and client.
// db/schema.ts holds the same values as the column types (the migrations' CHECKs); `every` makes
// each list here name exactly its union there, so the two cannot drift apart: a value missing here
// or unknown there fails the type check.

/** Returns `values` unchanged; compiles only if they are exactly the members of `T`. */
function every<T extends string>() {
  return <const A extends readonly [T, ...T[]]>(
    values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> }),
  ): A => values
}

export const ORGANISATION_KINDS = every<OrganisationKind>()([
  'public_body',
  'intermediary',
  'company',
])
/** Kinds that a platform administrator verifies before anyone else sees them (decision 026). */
export const VERIFIED_KINDS = ['public_body', 'intermediary'] as const satisfies OrganisationKind[]
export const PUBLIC_BODY_TYPES = every<PublicBodyType>()([
  'region',
  'municipality',
  'agency',
  'public_company',
])
export const INTERMEDIARY_TYPES = every<IntermediaryType>()([
  'industrial_development_centre',
  'cluster',
  'science_park',
  'university',
  'government_agency',
])
export const SIZE_CLASSES = every<SizeClass>()(['micro', 'small', 'medium', 'large'])
export const VERIFICATION_STATUSES = every<VerificationStatus>()([
  'not_required',
  'pending',
  'verified',
  'rejected',
])
export const MEMBER_ROLES = every<MemberRole>()(['admin', 'member'])

export const OFFER_STATUSES = every<OfferStatus>()([
  'draft',
  'published',
  'paused',
  'closed',
  'archived',
])
export const INTAKES = every<Intake>()(['rolling', 'round'])
export const ACCESS_MODELS = every<AccessModel>()(['free', 'cost_sharing', 'paid'])
export const CRITERION_KINDS = every<CriterionKind>()(['score', 'pass_fail'])
export const APPLICATION_STATUSES = every<ApplicationStatus>()([
  'draft',
  'submitted',
  'withdrawn',
  'accepted',
  'declined',
])
export const PILOT_STATUSES = every<PilotStatus>()(['active', 'completed'])

export const PROCEDURES = every<Procedure>()([
  'market_dialogue',
  'open',
  'innovation_partnership',
  'pcp',
])
export const CALL_STATUSES = every<CallStatus>()([
  'draft',
  'published',
  'opened',
  'evaluated',
  'awarded',
  'unsuccessful',
  'cancelled',
  'concluded',
])
export const BID_STATUSES = every<BidStatus>()([
  'draft',
  'submitted',
  'needs_reconfirmation',
  'withdrawn',
])

// Follows and notifications (decision record 035).
export const FOLLOW_TARGETS = every<FollowTarget>()([
  'call',
  'test_bed',
  'organisation',
  'initiative',
  'agenda',
])
export const NOTIFICATION_CHANNELS = every<NotificationChannel>()([
  'changes',
  'deadlines',
  'new_items',
  'searches',
])
/** In the order the settings offer them. */
export const DELIVERY_MODES = every<DeliveryMode>()(['immediate', 'daily', 'weekly', 'off'])
