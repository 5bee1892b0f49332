import { audit } from '~/models/audit.server'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { type SeedIds, type Tx, calendar, keys, travel } from './shared'

// This year's good-examples competition: nominations closed 12 days ago; the jury declared and
// scored, and the results are published.

/** The published reference cases that are nominated. */
interface Nominees {
  keyless: number
  walkways: number
  medicationCase: number
}

export async function seedCompetition(db: Tx, ids: SeedIds, cases: Nominees): Promise<void> {
  const { user } = keys(ids)
  const { at: timeOn, moment } = calendar(ids.at)
  const atMoment = (day: number, hour = 10) => moment(day, hour, 23)
  const { keyless, walkways, medicationCase } = cases
  const closeAt = timeOn(-12, '12:00')
  const year = Number(toStockholmDateInput(closeAt).slice(0, 4))
  travel(atMoment(-40, 9))
  const competition = await db
    .insertInto('competitions')
    .values({
      year,
      intro_sv: `Goda exempel ${year} lyfter fram samarbeten där en offentlig aktör öppnade sin verksamhet som testarena eller första kund, och där företaget fick en referens att visa nya köpare. Alla publicerade referenser på Testarena kunde nomineras, och en jury utan jäv bedömde nyttan för verksamheten, hur väl resultaten är mätta och hur lätt lösningen kan spridas.`,
      intro_en: `Good examples ${year} highlights collaborations in which a public body opened its services as a test arena or first customer, and the company gained a reference to show new buyers. Every published reference on Testarena could be nominated, and a jury without conflicts of interest judged the benefit to the service, how well the results are measured, and how easily the solution can spread.`,
      nominations_close_at: closeAt,
      created_by: user('platform'),
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  /** An audit row about the competition, by the platform administrator unless `by` says. */
  const logged = (action: string, details: { by?: string; after?: object } = {}) =>
    audit(db, {
      actorUserId: user(details.by ?? 'platform'),
      action: `competition.${action}`,
      entityType: 'competition',
      entityId: competition.id,
      ...(details.after ? { after: details.after } : {}),
    })
  await logged('create', { after: { year } })
  const category = async (
    position: number,
    names: [string, string],
    descriptions: [string, string],
  ) => {
    const row = await db
      .insertInto('competition_categories')
      .values({
        competition_id: competition.id,
        position,
        name_sv: names[0],
        name_en: names[1],
        description_sv: descriptions[0],
        description_en: descriptions[1],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }
  const testBedCategory = await category(
    1,
    ['Årets testbäddssamarbete', 'Test-bed collaboration of the year'],
    [
      'En pilot i en offentlig testbädd som gav mätbara resultat och en referens företaget kan visa.',
      'A pilot in a public test bed that gave measurable results and a reference the company can show.',
    ],
  )
  const procurementCategory = await category(
    2,
    ['Årets innovationsupphandling', 'Innovation procurement of the year'],
    [
      'En upphandling som var öppen för alla och köpte en ny lösning utifrån funktion och nytta.',
      'A procurement open to all that bought a new solution based on function and benefit.',
    ],
  )
  const jurors = ['per', 'eva', 'ulrika']
  travel(atMoment(-30, 10))
  for (const juror of jurors) {
    await db
      .insertInto('competition_jurors')
      .values({
        competition_id: competition.id,
        user_id: user(juror),
        appointed_by: user('platform'),
        appointed_at: now(),
      })
      .execute()
    await logged('juror_appointed', { after: { userId: user(juror) } })
  }
  const nominate = async (
    day: number,
    categoryId: number,
    referenceId: number,
    by: string,
    motivation: string,
  ) => {
    travel(atMoment(day, 11))
    const row = await db
      .insertInto('competition_nominations')
      .values({
        category_id: categoryId,
        reference_id: referenceId,
        nominated_by: user(by),
        motivation,
        nominated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(db, {
      actorUserId: user(by),
      action: 'competition.nominate',
      entityType: 'competition_nomination',
      entityId: row.id,
    })
    return row.id
  }
  const keylessNomination = await nominate(
    -20,
    testBedCategory,
    keyless,
    'anna',
    'Ett tydligt exempel på hur en kommun och ett litet företag tillsammans mätte nyttan under en hel vinter.',
  )
  const walkwayNomination = await nominate(
    -18,
    testBedCategory,
    walkways,
    'mikael',
    'Markvärmen drog en tredjedel mindre energi, och lösningen passar alla kommuner med uppvärmda gångstråk.',
  )
  const medicationNomination = await nominate(
    -17,
    procurementCategory,
    medicationCase,
    'erik',
    'En öppen upphandling med funktionskrav där användbarhet för äldre vägde tyngst, och resultaten följs upp.',
  )
  travel(atMoment(-11, 9))
  await db
    .updateTable('competitions')
    .set({ status: 'judging', judging_started_at: now() })
    .where('id', '=', competition.id)
    .execute()
  await logged('judging_started')
  const scores: [number, number[]][] = [
    [keylessNomination, [9, 8, 9]],
    [walkwayNomination, [7, 8, 7]],
    [medicationNomination, [8, 9, 8]],
  ]
  const comments = [
    'Väl mätta resultat och en lösning som kan spridas.',
    'Tydlig nytta för verksamheten.',
    'Bra underlag för andra köpare.',
  ]
  for (const [j, juror] of jurors.entries()) {
    travel(atMoment(-10 + j, 13))
    for (const [nominationId] of scores) {
      await db
        .insertInto('competition_declarations')
        .values({
          nomination_id: nominationId,
          juror_id: user(juror),
          has_conflict: 0,
          declared_at: now(),
        })
        .execute()
    }
    travel(atMoment(-9 + j, 15))
    for (const [nominationId, given] of scores) {
      await db
        .insertInto('competition_scores')
        .values({
          nomination_id: nominationId,
          juror_id: user(juror),
          score: given[j]!,
          comment: comments[j]!,
          scored_at: now(),
        })
        .execute()
    }
    await logged('jury_scored', { by: juror })
  }
  travel(atMoment(-5, 10))
  const result = async (
    nominationId: number,
    categoryId: number,
    placement: 'winner' | 'honourable_mention',
    motivation: [string, string],
  ) => {
    await db
      .insertInto('competition_results')
      .values({
        nomination_id: nominationId,
        category_id: categoryId,
        placement,
        motivation_sv: motivation[0],
        motivation_en: motivation[1],
        decided_by: user('platform'),
        decided_at: now(),
      })
      .execute()
  }
  await result(keylessNomination, testBedCategory, 'winner', [
    'Luleå kommun och Polarsensor visar hur en testbädd ska användas: ett tydligt behov, en pilot under verkliga förhållanden och resultat som mättes och redovisades öppet. Tiden som frigjordes går till brukarna, och lösningen kan införas i fler kommuner direkt.',
    'Luleå municipality and Polarsensor show how a test bed should be used: a clear need, a pilot under real conditions and results that were measured and reported openly. The time freed goes to the clients, and the solution can be introduced in more municipalities straight away.',
  ])
  await result(walkwayNomination, testBedCategory, 'honourable_mention', [
    'Ett lågmält men viktigt exempel: prognosstyrd markvärme sparade en tredjedel av energin utan att tryggheten för gående minskade.',
    'A quiet but important example: forecast-controlled ground heating saved a third of the energy without making walking any less safe.',
  ])
  await result(medicationNomination, procurementCategory, 'winner', [
    'Region Norrbotten köpte en ny lösning i en upphandling som var öppen för alla, med funktionskrav och kriterier som satte användarna först. Nattugglan fick sin första stora offentliga kund och en referens med mätta resultat.',
    'Region Norrbotten bought a new solution in a procurement open to all, with functional requirements and criteria that put the users first. Nattugglan gained its first large public customer and a reference with measured results.',
  ])
  await logged('results_recorded')
  travel(atMoment(-4, 10))
  await db
    .updateTable('competitions')
    .set({ status: 'published', published_at: now(), published_by: user('platform') })
    .where('id', '=', competition.id)
    .execute()
  await logged('published')
}
