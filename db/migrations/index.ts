import type { Migration } from 'kysely'
import * as foundation from './2026-11-25-01-foundation'
import * as testBeds from './2026-11-25-02-test-beds'
import * as calls from './2026-11-25-03-calls'
import * as references from './2026-11-26-04-references'
import * as hardening from './2026-12-07-05-hardening'
import * as auditAnchors from './2026-12-07-06-audit-anchors'
import * as sealKeys from './2026-12-07-07-seal-keys'
import * as conflictGuards from './2026-12-07-08-conflict-guards'
import * as intermediaries from './2026-12-07-09-intermediaries'
import * as initiatives from './2026-12-07-10-initiatives'
import * as initiativeSearch from './2026-12-07-11-initiative-search'
import * as contactLedger from './2026-12-07-12-contact-ledger'
import * as overlapChecks from './2026-12-07-13-overlap-checks'
import * as events from './2026-12-07-14-events'
import * as outreach from './2026-12-07-15-outreach'
import * as agenda from './2026-12-07-16-agenda'
import * as analyticsIndexes from './2026-12-07-17-analytics-indexes'
import * as offerCallOverlap from './2026-12-07-18-offer-call-overlap'
import * as companyThemes from './2026-12-07-19-company-themes'
import * as offerOverlap from './2026-12-07-20-offer-overlap'
import * as notifications from './2026-12-07-21-notifications'
import * as search from './2026-12-07-22-search'
import * as savedSearches from './2026-12-07-23-saved-searches'
import * as feedTokens from './2026-12-07-24-feed-tokens'
import * as ocdsReleases from './2026-12-07-25-ocds-releases'
import * as apiIndexes from './2026-12-07-26-api-indexes'
import * as csvIndexes from './2026-12-07-27-csv-indexes'
import * as scaleIndexes from './2026-12-07-28-scale-indexes'

/**
 * Every migration, by name. Names are date-prefixed so they sort in the order they were written;
 * add a new file and a line here (README: "Adding a migration").
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-foundation': foundation,
  '2026-11-25-02-test-beds': testBeds,
  '2026-11-25-03-calls': calls,
  '2026-11-26-04-references': references,
  '2026-12-07-05-hardening': hardening,
  '2026-12-07-06-audit-anchors': auditAnchors,
  '2026-12-07-07-seal-keys': sealKeys,
  '2026-12-07-08-conflict-guards': conflictGuards,
  '2026-12-07-09-intermediaries': intermediaries,
  '2026-12-07-10-initiatives': initiatives,
  '2026-12-07-11-initiative-search': initiativeSearch,
  '2026-12-07-12-contact-ledger': contactLedger,
  '2026-12-07-13-overlap-checks': overlapChecks,
  '2026-12-07-14-events': events,
  '2026-12-07-15-outreach': outreach,
  '2026-12-07-16-agenda': agenda,
  '2026-12-07-17-analytics-indexes': analyticsIndexes,
  '2026-12-07-18-offer-call-overlap': offerCallOverlap,
  '2026-12-07-19-company-themes': companyThemes,
  '2026-12-07-20-offer-overlap': offerOverlap,
  '2026-12-07-21-notifications': notifications,
  '2026-12-07-22-search': search,
  '2026-12-07-23-saved-searches': savedSearches,
  '2026-12-07-24-feed-tokens': feedTokens,
  '2026-12-07-25-ocds-releases': ocdsReleases,
  '2026-12-07-26-api-indexes': apiIndexes,
  '2026-12-07-27-csv-indexes': csvIndexes,
  '2026-12-07-28-scale-indexes': scaleIndexes,
}
