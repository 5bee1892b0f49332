import { createInitiative } from '~/models/initiatives.server'
import { type SeedIds, type Tx, keys, organisation } from './shared'

// One search over everything (issue 16 part 5, decision record 036): a search for "drönare" finds
// Kiruna Drönarteknik's profile and IUC Norrbotten's planned test flights in Kiruna, which the
// company could join — a company and an opportunity found with one word.

export async function seedSearch(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  await createInitiative(db, {
    organisation: await organisation(db, org('iuc_norrbotten')),
    userId: user('linnea'),
    status: 'planned',
    input: {
      kind: 'project',
      title: 'Drönare i arktisk miljö – testflygningar för små företag i Kiruna',
      summary:
        'IUC Norrbotten planerar testflygningar med drönare i kyla och mörker kring Kiruna, där små företag får prova sensorer och styrsystem under verkliga vinterförhållanden.',
      description:
        'Flygningarna görs vintern 2027 tillsammans med kommunens räddningstjänst, som vill veta hur drönare kan hjälpa till vid eftersök i fjällen.\n\nFöretag med färre än 50 anställda i Norrbotten och Västerbotten går före.',
      starts_on: '2027-01-15',
      ends_on: '2027-03-31',
      budget_band: 'under_1m',
      contact_role: 'Projektledare, drönartester',
      contact_email: 'dronare@iucnorrbotten.test',
      themes: ['space_arctic', 'public_safety'],
      cpv_codes: [],
      size_classes: ['micro', 'small'],
      sectors: [],
      counties: ['25'],
      municipalities: ['2584'],
    },
  })
}
