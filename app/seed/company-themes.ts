import { saveThemeInterests } from '~/models/company-themes.server'
import { setClockOffset } from '~/utils/clock.server'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// Theme interests of companies (decision record 032, Revision): what a region's or intermediary's
// outreach may target. Nattugglan cares for elderly care and welfare technology, Polarsensor for
// energy, industry and the Arctic; the three Norrbotten firms of the outreach story state theirs
// too. The demo outreach (all micro and small companies in Norrbotten) names no theme, so its
// figures stay; an outreach on energy would now reach Polarsensor, not Nattugglan.

const interests: Array<{ company: string; user: string; day: number; themes: string[] }> = [
  {
    company: 'nattugglan',
    user: 'sara',
    day: -40,
    themes: ['active_healthy_ageing', 'ehealth', 'welfare_technology'],
  },
  {
    company: 'polarsensor',
    user: 'johan',
    day: -38,
    themes: ['smart_industry', 'energy', 'construction', 'space_arctic'],
  },
  {
    company: 'tornedalen',
    user: 'aino',
    day: -25,
    themes: ['climate_environment', 'construction', 'food_forestry'],
  },
  {
    company: 'kiruna_dronare',
    user: 'nils',
    day: -21,
    themes: ['mining_minerals', 'space_arctic', 'public_safety'],
  },
  { company: 'bodens_kyl', user: 'malin', day: -28, themes: ['energy', 'climate_environment'] },
]

export async function seedCompanyThemes(tx: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const { at } = calendar(ids.at)
  for (const i of interests) {
    travel(at(i.day, '14:05'))
    await saveThemeInterests(tx, {
      companyId: org(i.company),
      userId: user(i.user),
      themeCodes: i.themes,
    })
  }
  setClockOffset(0)
}
