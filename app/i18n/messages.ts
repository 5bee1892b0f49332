import account from './messages/account'
import admin from './messages/admin'
import auth from './messages/auth'
import common from './messages/common'
import errors from './messages/errors'
import mail from './messages/mail'
import organisations from './messages/organisations'
import offers from './messages/offers'
import testbeds from './messages/testbeds'
import catalogue from './messages/catalogue'
import applications from './messages/applications'
import pilots from './messages/pilots'
import calls from './messages/calls'
import cpv from './messages/cpv'
import callPublic from './messages/call-public'
import callAuthoring from './messages/call-authoring'
import evaluation from './messages/evaluation'
import bids from './messages/bids'
import references from './messages/references'
import showcase from './messages/showcase'
import competitions from './messages/competitions'
import http from './messages/http'
import transparency from './messages/transparency'
import initiatives from './messages/initiatives'
import contacts from './messages/contacts'
import events from './messages/events'
import agenda from './messages/agenda'
import analytics from './messages/analytics'
import outreach from './messages/outreach'
import overlap from './messages/overlap'
import notifications from './messages/notifications'
import findability from './messages/findability'
import savedSearches from './messages/saved-searches'
import search from './messages/search'
import feeds from './messages/feeds'
import apiDocs from './messages/api-docs'
import ocds from './messages/ocds'
import csv from './messages/csv'
import csvColumns from './messages/csv-columns'
import type { Locale } from './locales'
import { createTranslator, type Translate } from './translator'

// The whole dictionary: the server's (mail, models, error pages). A page's JavaScript carries only
// the namespaces its routes declare (decision 025, app/i18n/page-messages.ts).
// Each namespace file declares `sv` first and types `en` as Record<keyof typeof sv, string>, so a
// missing or extra English text is a type error: English is complete by construction.
const sv = {
  ...common.sv,
  ...errors.sv,
  ...auth.sv,
  ...account.sv,
  ...organisations.sv,
  ...admin.sv,
  ...mail.sv,
  ...testbeds.sv,
  ...offers.sv,
  ...catalogue.sv,
  ...applications.sv,
  ...pilots.sv,
  ...calls.sv,
  ...cpv.sv,
  ...callPublic.sv,
  ...callAuthoring.sv,
  ...evaluation.sv,
  ...bids.sv,
  ...references.sv,
  ...showcase.sv,
  ...competitions.sv,
  ...http.sv,
  ...transparency.sv,
  ...initiatives.sv,
  ...contacts.sv,
  ...events.sv,
  ...agenda.sv,
  ...analytics.sv,
  ...outreach.sv,
  ...overlap.sv,
  ...notifications.sv,
  ...findability.sv,
  ...savedSearches.sv,
  ...search.sv,
  ...feeds.sv,
  ...apiDocs.sv,
  ...ocds.sv,
  ...csv.sv,
  ...csvColumns.sv,
}
export type MessageKey = keyof typeof sv

const en: Record<MessageKey, string> = {
  ...common.en,
  ...errors.en,
  ...auth.en,
  ...account.en,
  ...organisations.en,
  ...admin.en,
  ...mail.en,
  ...testbeds.en,
  ...offers.en,
  ...catalogue.en,
  ...applications.en,
  ...pilots.en,
  ...calls.en,
  ...cpv.en,
  ...callPublic.en,
  ...callAuthoring.en,
  ...evaluation.en,
  ...bids.en,
  ...references.en,
  ...showcase.en,
  ...competitions.en,
  ...http.en,
  ...transparency.en,
  ...initiatives.en,
  ...contacts.en,
  ...events.en,
  ...agenda.en,
  ...analytics.en,
  ...outreach.en,
  ...overlap.en,
  ...notifications.en,
  ...findability.en,
  ...savedSearches.en,
  ...search.en,
  ...feeds.en,
  ...apiDocs.en,
  ...ocds.en,
  ...csv.en,
  ...csvColumns.en,
}

export const messages: Record<Locale, Record<MessageKey, string>> = { sv, en }

export type { MessageParams, Translate } from './translator'

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(sv, value)
}

/**
 * A translator over the whole dictionary, for the server (mail, error pages, models) and tests.
 * Pages translate with useT() (app/i18n/use-t.ts), over the namespaces their routes declare.
 */
export function getTranslator(locale: Locale): Translate {
  return createTranslator([messages[locale]], (key) => key)
}
