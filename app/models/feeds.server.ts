import { Feed } from 'feed'
import type { DB } from '#db/connection'
import { formatDateTime } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { getTranslator, type MessageKey } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { searchCalls, type CallFilters } from './call-catalogue.server'
import { searchCatalogue, type CatalogueFilters } from './test-bed-catalogue.server'
import { savedSearchOfToken } from './feed-tokens.server'
import { searchReferences, type ReferenceFilters } from './showcase.server'
import { listEvents } from './event-reads.server'
import { searchInitiatives } from './initiative-overview.server'
import type { OverviewFilters } from './initiative-overview.server'
import { recentMatches } from './saved-search-matching.server'

// Atom feeds of the public lists (issue 16 part 4, decision record 038). A feed is the list's
// first page under the same filters, through the same model, so it shows exactly what the page
// shows: bounded (one page, at most 50 entries), newest published first.

export const FEED_MAX_ENTRIES = 50

export interface FeedEntry {
  /** The page's path, e.g. `/calls/12`; the entry's id is its absolute address. */
  path: string
  title: string
  summary: string
  /** Unix seconds. */
  updated: number
  author: string
}

interface FeedHead {
  /** The feed's own path and query, e.g. `/calls.atom?theme=health`. */
  selfPath: string
  /** The list page the feed mirrors. */
  pagePath: string
  title: string
  subtitle: string
  locale: Locale
}

/** An Atom 1.0 document: entries newest first, at most FEED_MAX_ENTRIES. */
export function atomDocument(head: FeedHead, entries: FeedEntry[]): string {
  const origin = getEnv().APP_ORIGIN
  const sorted = [...entries]
    .sort((a, b) => b.updated - a.updated || a.path.localeCompare(b.path))
    .slice(0, FEED_MAX_ENTRIES)
  const newest = sorted[0]?.updated ?? 0
  const feed = new Feed({
    id: `${origin}${head.selfPath}`,
    title: head.title,
    description: head.subtitle,
    link: `${origin}${head.pagePath}`,
    language: head.locale,
    updated: new Date(newest * 1000),
    generator: 'Testarena',
    feedLinks: { atom: `${origin}${head.selfPath}` },
    copyright: 'Testarena',
  })
  for (const entry of sorted) {
    const url = `${origin}${entry.path}`
    feed.addItem({
      id: url,
      title: entry.title,
      link: url,
      description: entry.summary,
      date: new Date(entry.updated * 1000),
      author: [{ name: entry.author }],
    })
  }
  return feed.atom1()
}

/** `href`'s query under `path`, with `lang` set, so the feed's addresses name their language. */
function withLang(path: string, href: string, locale: Locale): string {
  const params = new URLSearchParams(href.split('?')[1] ?? '')
  params.delete('page')
  params.set('lang', locale)
  return `${path}?${params}`
}

function headTitle(locale: Locale, key: MessageKey, filtered: boolean) {
  const t = getTranslator(locale)
  return filtered ? t('feeds.filtered', { title: t(key) }) : t(key)
}

/** The calls list as Atom, under the list's filters. */
export async function callsFeed(
  db: DB,
  filters: CallFilters,
  /** The list page's address under the same filters (the list's href helper). */
  pageHref: string,
  locale: Locale,
): Promise<string> {
  const filtered = pageHref.includes('?')
  const t = getTranslator(locale)
  const { items } = await searchCalls(db, { ...filters, page: 1 }, locale)
  return atomDocument(
    {
      selfPath: withLang('/calls.atom', pageHref, locale),
      pagePath: withLang('/calls', pageHref, locale),
      title: headTitle(locale, 'feeds.calls.title', filtered),
      subtitle: t('feeds.calls.subtitle'),
      locale,
    },
    items.map((c) => ({
      path: `/calls/${c.id}`,
      title: c.title,
      summary: `${c.summary}\n\n${t('feeds.entry.deadline', {
        date: formatDateTime(c.tender_deadline, locale),
      })}`,
      updated: c.published_at ?? 0,
      author: c.buyer_name,
    })),
  )
}

/** The test-bed catalogue as Atom, under the catalogue's filters. */
export async function testBedsFeed(
  db: DB,
  filters: CatalogueFilters,
  /** The list page's address under the same filters (the list's href helper). */
  pageHref: string,
  locale: Locale,
): Promise<string> {
  const filtered = pageHref.includes('?')
  const { items } = await searchCatalogue(db, { ...filters, page: 1 }, locale)
  return atomDocument(
    {
      selfPath: withLang('/test-beds.atom', pageHref, locale),
      pagePath: withLang('/test-beds', pageHref, locale),
      title: headTitle(locale, 'feeds.testBeds.title', filtered),
      subtitle: getTranslator(locale)('feeds.testBeds.subtitle'),
      locale,
    },
    items.map((o) => ({
      path: `/test-beds/${o.id}`,
      title: o.title,
      summary: o.summary,
      updated: o.published_at ?? 0,
      author: o.host_name,
    })),
  )
}

/**
 * A saved search's matches as Atom, behind the search's secret token (feed readers do not log in).
 * An unknown or revoked token is 'not_found'.
 */
export async function savedSearchFeed(db: DB, token: string, locale: Locale): Promise<string> {
  const search = await savedSearchOfToken(db, token)
  const t = getTranslator(locale)
  const matches = await recentMatches(db, search.id, FEED_MAX_ENTRIES)
  return atomDocument(
    {
      selfPath: `/search-feeds/${token}.atom?lang=${locale}`,
      pagePath: `/search?lang=${locale}`,
      title: t('feeds.savedSearch.title', { name: search.name }),
      subtitle: t('feeds.savedSearch.subtitle'),
      locale,
    },
    matches.map((m) => ({
      path: m.path,
      title: m.title,
      summary: m.summary,
      updated: m.matchedAt,
      author: t('app.name'),
    })),
  )
}

/** The reference gallery as Atom, under the gallery's filters; texts in the feed's language. */
export async function referencesFeed(
  db: DB,
  filters: ReferenceFilters,
  pageHref: string,
  locale: Locale,
): Promise<string> {
  const filtered = pageHref.includes('?')
  const { items } = await searchReferences(db, { ...filters, page: 1 }, locale)
  return atomDocument(
    {
      selfPath: withLang('/references.atom', pageHref, locale),
      pagePath: withLang('/references', pageHref, locale),
      title: headTitle(locale, 'feeds.references.title', filtered),
      subtitle: getTranslator(locale)('feeds.references.subtitle'),
      locale,
    },
    items.map((r) => ({
      path: `/references/${r.id}`,
      title: (locale === 'en' ? r.titleEn : null) ?? r.titleSv,
      summary: (locale === 'en' ? r.summaryEn : null) ?? r.summarySv,
      updated: r.firstPublishedAt ?? 0,
      author: r.publicBodyName,
    })),
  )
}

/** The initiatives overview's list as Atom, under the overview's filters (the view aside). */
export async function initiativesFeed(
  db: DB,
  filters: OverviewFilters,
  /** The list page's address under the same filters (the list's href helper). */
  pageHref: string,
  locale: Locale,
): Promise<string> {
  const filtered = pageHref.includes('?')
  const { items } = await searchInitiatives(db, { ...filters, page: 1 }, locale)
  return atomDocument(
    {
      selfPath: withLang('/initiatives.atom', pageHref, locale),
      pagePath: withLang('/initiatives', pageHref, locale),
      title: headTitle(locale, 'feeds.initiatives.title', filtered),
      subtitle: getTranslator(locale)('feeds.initiatives.subtitle'),
      locale,
    },
    items.map((i) => ({
      path: `/initiatives/${i.id}`,
      title: i.title,
      summary: i.summary,
      updated: i.created_at,
      author: i.owners.map((o) => o.name).join(' + '),
    })),
  )
}

/** The upcoming events as Atom, newest announced first (the list shows them soonest first). */
export async function eventsFeed(db: DB, locale: Locale): Promise<string> {
  const t = getTranslator(locale)
  const upcoming = await listEvents(db, 'upcoming')
  const entries = [...upcoming]
    .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
    .map((e) => ({
      path: `/events/${e.id}`,
      title: e.title,
      summary: `${t(`events.kind.${e.kind}`)}: ${formatDateTime(e.starts_at, locale)}`,
      updated: e.created_at,
      author: e.organiser_name,
    }))
  return atomDocument(
    {
      selfPath: withLang('/events.atom', '', locale),
      pagePath: withLang('/events', '', locale),
      title: t('feeds.events.title'),
      subtitle: t('feeds.events.subtitle'),
      locale,
    },
    entries,
  )
}
