import { getEnv } from '~/utils/env.server'
import { type JsonLdObject, stockholmIso } from '~/utils/json-ld'

// schema.org descriptions of public pages (decision 039), built from what the page's model
// already read, with absolute addresses from the public origin.

const SCHEMA = 'https://schema.org'

function organisation(name: string, slug: string, origin: string): JsonLdObject {
  return { '@type': 'Organization', name, url: `${origin}/organisations/${slug}` }
}

/**
 * A call as a schema.org `Demand` (an announcement that an organisation seeks a service): the
 * buyer `seeks` it (written as the reverse property, so the call stays the page's subject), the
 * tender deadline is `validThrough` and `availabilityEnds`, the county or municipality the area
 * served. None for a draft, which only its buyer sees.
 */
export function callJsonLd(call: {
  id: number
  status: string
  title: string
  summary: string
  published_at: number | null
  tender_deadline: number
  buyer_name: string
  buyer_slug: string
  county_name: string
  municipality_name: string | null
}): JsonLdObject | null {
  if (call.status === 'draft') return null
  const origin = getEnv().APP_ORIGIN
  const url = `${origin}/calls/${call.id}`
  const county: JsonLdObject = { '@type': 'AdministrativeArea', name: call.county_name }
  return {
    '@context': SCHEMA,
    '@type': 'Demand',
    '@id': url,
    url,
    name: call.title,
    description: call.summary,
    businessFunction: 'http://purl.org/goodrelations/v1#Buy',
    itemOffered: { '@type': 'Service', name: call.title },
    ...(call.published_at ? { validFrom: stockholmIso(call.published_at) } : {}),
    validThrough: stockholmIso(call.tender_deadline),
    availabilityEnds: stockholmIso(call.tender_deadline),
    ...(call.status === 'cancelled' ? { availability: `${SCHEMA}/Discontinued` } : {}),
    areaServed: call.municipality_name
      ? { '@type': 'AdministrativeArea', name: call.municipality_name, containedInPlace: county }
      : county,
    '@reverse': { seeks: organisation(call.buyer_name, call.buyer_slug, origin) },
  }
}

/**
 * An event as a schema.org `Event`: times in Stockholm with their offset, the venue as a `Place`
 * and an online event as a `VirtualLocation` (both for a hybrid one), the attendance mode, and
 * `EventCancelled` once cancelled.
 */
export function eventJsonLd(event: {
  id: number
  title: string
  description: string
  starts_at: number
  ends_at: number
  venue: string
  online: number
  status: string
  organiser_name: string
  organiser_slug: string
}): JsonLdObject {
  const origin = getEnv().APP_ORIGIN
  const url = `${origin}/events/${event.id}`
  const venue = event.venue.trim()
  const online = Boolean(event.online)
  const places: JsonLdObject[] = [
    ...(venue ? [{ '@type': 'Place', name: venue, address: venue }] : []),
    ...(online ? [{ '@type': 'VirtualLocation', url }] : []),
  ]
  const mode = online && venue ? 'Mixed' : online ? 'Online' : 'Offline'
  return {
    '@context': SCHEMA,
    '@type': 'Event',
    '@id': url,
    url,
    name: event.title,
    description: event.description,
    startDate: stockholmIso(event.starts_at),
    endDate: stockholmIso(event.ends_at),
    eventStatus: `${SCHEMA}/${event.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `${SCHEMA}/${mode}EventAttendanceMode`,
    ...(places.length === 1 ? { location: places[0]! } : places.length ? { location: places } : {}),
    organizer: organisation(event.organiser_name, event.organiser_slug, origin),
  }
}
