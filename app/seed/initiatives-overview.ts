import { createInitiative } from '~/models/initiatives.server'
import { type SeedIds, type Tx, keys, organisation } from './shared'

// The overview across everyone (issue 15, part 3): initiatives outside Norrbotten, so the county
// view and the period filter tell a story — Region Skåne's programme for digital primary care and
// its planned procurement of remote monitoring in home health care, and Skellefteå's event series
// on electrified transport in sparsely populated areas.

export async function seedOverviewInitiatives(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const skane = await organisation(db, org('skane'))
  const skelleftea = await organisation(db, org('skelleftea'))

  await createInitiative(db, {
    organisation: skane,
    userId: user('eva'),
    status: 'active',
    input: {
      kind: 'programme',
      title: 'Digital första linjens vård i Skåne 2026–2028',
      summary:
        'Region Skånes program för digitala vägar in i primärvården: triagestöd, chatt och egenmonitorering som prövas på vårdcentraler innan regionen köper.',
      description:
        'Programmet samlar regionens förkommersiella upphandling av triagestöd och de testmiljöer som vårdcentralerna öppnar för företag.\n\nVi söker lösningar som avlastar telefonköerna utan att tappa patientsäkerheten, och vi vill särskilt nå små företag som ännu saknar en referenskund i Sverige.',
      starts_on: '2026-01-01',
      ends_on: '2028-12-31',
      budget_band: '20m_100m',
      contact_role: 'Programansvarig, digital vård',
      contact_email: 'digitalvard@skane.test',
      themes: ['ehealth', 'digital_public_services'],
      cpv_codes: ['48180000', '85100000'],
      size_classes: ['micro', 'small', 'medium'],
      sectors: ['Q'],
      counties: ['12'],
      municipalities: [],
    },
  })

  await createInitiative(db, {
    organisation: skane,
    userId: user('eva'),
    status: 'planned',
    input: {
      kind: 'planned_call',
      title: 'Planerad upphandling: distansmonitorering i hemsjukvården',
      summary:
        'Region Skåne planerar att upphandla distansmonitorering för patienter med hjärtsvikt som vårdas hemma i Lund och Helsingborg, efter en marknadsdialog våren 2027.',
      description: '',
      starts_on: '2027-04-01',
      ends_on: '2028-03-31',
      budget_band: '5m_20m',
      contact_role: 'Upphandlare, medicinsk teknik',
      contact_email: 'upphandling.mt@skane.test',
      themes: ['ehealth', 'welfare_technology'],
      cpv_codes: ['33195000'],
      size_classes: ['small', 'medium', 'large'],
      sectors: ['Q'],
      counties: ['12'],
      municipalities: ['1281', '1283'],
    },
  })

  await createInitiative(db, {
    organisation: skelleftea,
    userId: user('ulrika'),
    status: 'active',
    input: {
      kind: 'event_series',
      title: 'Elektrifierade transporter i glesbygd – träffar för leverantörer',
      summary:
        'Skellefteå kommun bjuder in företag till fyra träffar om laddning, elbussar och godstransporter på landsbygden, inför kommande testbäddar och upphandlingar.',
      description: '',
      starts_on: '2026-10-01',
      ends_on: '2027-06-30',
      budget_band: 'under_1m',
      contact_role: 'Näringslivsutvecklare, transporter',
      contact_email: 'transporter@skelleftea.test',
      themes: ['mobility', 'energy'],
      cpv_codes: [],
      size_classes: ['micro', 'small', 'medium'],
      sectors: ['H'],
      counties: ['24'],
      municipalities: ['2482'],
    },
  })
}
