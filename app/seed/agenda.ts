import {
  addIndicator,
  changeTarget,
  linkInitiative,
  recordMeasurement,
} from '~/models/agenda-indicators.server'
import {
  addAgendaCoOwner,
  createGoal,
  publishAgenda,
  publishGoal,
  saveAgenda,
} from '~/models/agendas.server'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { DAY, type SeedIds, type Tx, keys } from './shared'

// The regional agenda, "hit ska vi" (issue 15 part 7, decision record 033): Region Norrbotten's
// innovation agenda, co-owned by IUC Norrbotten and Luleå tekniska universitet, with three
// published goals — more SMEs completing pilots in health and care (live), more published
// references and a larger SME share of awards (live; the reference target was raised, with a
// reason), and companies reached by the Smart industri forums (entered by IUC Norrbotten with its
// source, one value corrected) — each linked to the initiatives that serve it.

async function initiative(db: Tx, title: string) {
  const row = await db
    .selectFrom('initiatives')
    .select('id')
    .where('title', 'like', `${title}%`)
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedAgenda(db: Tx, ids: SeedIds): Promise<void> {
  const { user, org } = keys(ids)
  const anna = user('anna')
  const linnea = user('linnea')
  const daysAgo = (days: number) => toStockholmDateInput(now() - days * DAY)
  const year = Number(daysAgo(0).slice(0, 4))
  const region = await db
    .selectFrom('organisations')
    .select('slug')
    .where('id', '=', org('norrbotten'))
    .executeTakeFirstOrThrow()

  const agendaId = await saveAgenda(db, {
    regionSlug: region.slug,
    userId: anna,
    input: {
      title: 'Norrbottens innovationsagenda – hit ska vi',
      summary:
        'Region Norrbotten, IUC Norrbotten och Luleå tekniska universitet krokar arm bakom en gemensam agenda i stället för många små insatser här och där. Norrbotten ska vara testarena och första referenskund för små och medelstora företag – inom aktivt och hälsosamt åldrande först – och nå fler företag som i dag står utanför kluster och samverkansprojekt.',
      starts_on: `${year - 1}-01-01`,
    },
  })
  await addAgendaCoOwner(db, { agendaId, userId: anna, organisationId: org('iuc_norrbotten') })
  await addAgendaCoOwner(db, { agendaId, userId: anna, organisationId: org('ltu') })
  const referenceSite = await initiative(db, 'Aktivt och hälsosamt åldrande')
  const smartIndustry = await initiative(db, 'Smart industri Norrbotten')

  // 1. Pilots in health and care, counted live.
  const pilots = await createGoal(db, {
    agendaId,
    userId: anna,
    input: {
      title: 'Fler små och medelstora företag slutför piloter inom vård och omsorg',
      description:
        'Som EU Reference Site för aktivt och hälsosamt åldrande ska regionen och kommunerna öppna sina verksamheter för tester, så att fler små och medelstora företag får pröva sina lösningar med riktiga brukare och personal.',
    },
  })
  await addIndicator(db, {
    goalId: pilots,
    userId: anna,
    input: {
      label:
        'Små och medelstora företag som slutfört en pilot i länet, aktivt och hälsosamt åldrande',
      source_kind: 'live',
      metric: 'sme_pilots_completed',
      theme_code: 'active_healthy_ageing',
      target_value: 12,
      target_date: `${year + 2}-12-31`,
    },
  })
  await linkInitiative(db, { goalId: pilots, userId: anna, initiativeId: referenceSite })
  await publishGoal(db, { goalId: pilots, userId: anna })

  // 2. References and the SME share of awards, counted live; the reference target raised once.
  const references = await createGoal(db, {
    agendaId,
    userId: anna,
    input: {
      title: 'Fler referenser och en större del av affärerna till små och medelstora företag',
      description:
        'Offentlig sektor ska vara första referenskund: avslutade piloter och tilldelade innovationsupphandlingar ska bli publicerade referenscase, och små och medelstora företag ska vinna en större del av upphandlingarna.',
    },
  })
  const referenceIndicator = await addIndicator(db, {
    goalId: references,
    userId: anna,
    input: {
      label: 'Publicerade referenscase från länets offentliga aktörer',
      source_kind: 'live',
      metric: 'references_published',
      theme_code: null,
      target_value: 6,
      target_date: `${year + 2}-12-31`,
    },
  })
  await addIndicator(db, {
    goalId: references,
    userId: anna,
    input: {
      label:
        'Andel av tilldelningarna i länets upphandlingar som gått till små och medelstora företag',
      source_kind: 'live',
      metric: 'sme_award_share',
      theme_code: null,
      target_value: 50,
      target_date: `${year + 2}-12-31`,
    },
  })
  await linkInitiative(db, { goalId: references, userId: anna, initiativeId: referenceSite })
  await publishGoal(db, { goalId: references, userId: anna })
  await changeTarget(db, {
    indicatorId: referenceIndicator,
    userId: anna,
    target_value: 8,
    target_date: `${year + 2}-12-31`,
    reason:
      'Tre referenscase publicerades redan första året; regionens innovationsråd höjde målet i sin halvårsuppföljning.',
  })

  // 3. Companies reached by the Smart industri forums, entered by IUC Norrbotten with its source.
  const reach = await createGoal(db, {
    agendaId,
    userId: linnea,
    input: {
      title: 'Nå fler små och medelstora företag genom Smart industri-forum',
      description:
        'Många små och medelstora företag når aldrig in i klustren och samverkansprojekten. B2B-forum, studiebesök och rundabordssamtal ska nå 1 500 företagsrepresentanter i länet.',
    },
  })
  const forums = await addIndicator(db, {
    goalId: reach,
    userId: linnea,
    input: {
      label: 'Företagsrepresentanter som deltagit i Smart industri-forum (sedan start)',
      source_kind: 'manual',
      unit: 'count',
      target_value: 1500,
      target_date: `${year + 3}-12-31`,
    },
  })
  const source = 'Deltagarlistor från Smart industri-forumen, IUC Norrbotten'
  await recordMeasurement(db, {
    indicatorId: forums,
    userId: linnea,
    measured_on: daysAgo(300),
    value: 180,
    source,
    corrects: null,
  })
  const autumn = await recordMeasurement(db, {
    indicatorId: forums,
    userId: linnea,
    measured_on: daysAgo(120),
    value: 460,
    source,
    corrects: null,
  })
  await recordMeasurement(db, {
    indicatorId: forums,
    userId: linnea,
    measured_on: daysAgo(120),
    value: 435,
    source: `${source} (dubbletter borttagna)`,
    corrects: autumn,
  })
  await recordMeasurement(db, {
    indicatorId: forums,
    userId: linnea,
    measured_on: daysAgo(14),
    value: 610,
    source,
    corrects: null,
  })
  await linkInitiative(db, { goalId: reach, userId: linnea, initiativeId: smartIndustry })
  await publishGoal(db, { goalId: reach, userId: linnea })

  await publishAgenda(db, { agendaId, userId: anna })
}
