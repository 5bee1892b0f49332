import { correctContact, recordContact, saveContactSettings } from '~/models/contacts.server'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { DAY, type SeedIds, type Tx, keys } from './shared'

// The company contact ledger (issue 15, decision record 029): "don't knock on the same door".
// Polarsensor shares its contacts and asks to be approached through IUC Norrbotten; Region
// Norrbotten met it at a demo of its fall sensors within the EU Reference Site programme (so the
// programme's published fall-prevention call discloses the meeting) and IUC Norrbotten visited it
// for the B2B forum series, then corrected the date. Nattugglan keeps its contacts to itself and
// prefers Testarena; Luleå kommun had a dialogue meeting with it about keyless home care.

async function initiative(db: Tx, title: string) {
  const row = await db
    .selectFrom('initiatives')
    .select('id')
    .where('title', 'like', `${title}%`)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedContacts(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const daysAgo = (days: number) => toStockholmDateInput(now() - days * DAY)

  await saveContactSettings(db, {
    companyId: org('polarsensor'),
    userId: user('johan'),
    input: {
      share_contacts: true,
      preferred_channel: 'through_intermediary',
      preference_note:
        'Vi är ett litet team. Kontakta oss gärna via IUC Norrbotten, som samordnar våra möten med kommuner och regionen.',
      not_before: null,
    },
  })
  await saveContactSettings(db, {
    companyId: org('nattugglan'),
    userId: user('sara'),
    input: {
      share_contacts: false,
      preferred_channel: 'testarena_only',
      preference_note: 'Skicka gärna en förfrågan här på Testarena först.',
      not_before: null,
    },
  })

  await recordContact(db, {
    authorOrganisationId: org('norrbotten'),
    userId: user('anna'),
    companyId: org('polarsensor'),
    initiativeId: await initiative(db, 'Aktivt och hälsosamt åldrande'),
    acknowledgedAt: now(),
    input: {
      contacted_on: daysAgo(54),
      kind: 'demo',
      purpose:
        'Demonstration av golvsensorer för fallprevention på Strandgårdens äldreboende, som underlag för programmets behovsanalys.',
    },
  })
  const visit = await recordContact(db, {
    authorOrganisationId: org('iuc_norrbotten'),
    userId: user('linnea'),
    companyId: org('polarsensor'),
    initiativeId: await initiative(db, 'Smart industri Norrbotten'),
    acknowledgedAt: now(),
    input: {
      contacted_on: daysAgo(20),
      kind: 'visit',
      purpose: 'Företagsbesök i Piteå inför höstens B2B-forum: produktion och exportplaner.',
    },
  })
  await correctContact(db, {
    contactId: visit.id,
    userId: user('linnea'),
    input: {
      contacted_on: daysAgo(21),
      kind: 'visit',
      purpose:
        'Företagsbesök i Piteå inför höstens B2B-forum: produktion, exportplaner och behov av testmiljö.',
    },
  })
  await recordContact(db, {
    authorOrganisationId: org('lulea'),
    userId: user('erik'),
    companyId: org('nattugglan'),
    initiativeId: null,
    acknowledgedAt: now(),
    input: {
      contacted_on: daysAgo(35),
      kind: 'dialogue_meeting',
      purpose: 'Dialogmöte om nyckelfri hemtjänst och hur nattillsyn kan samordnas med larmen.',
    },
  })
}
