import { readFileSync } from 'node:fs'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { parse } from 'csv-parse/sync'

// OCDS 1.1.5 validation for the tests (decision record 040): the release and record package
// schemas (JSON Schema draft 4, tests/fixtures/ocds-1.1) with ajv-draft-04 and ajv-formats, and
// every codelist value a release uses checked against the codelist CSVs there.

const dir = new URL('../fixtures/ocds-1.1/', import.meta.url)
const json = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as object

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
ajv.addSchema(json('release-schema.json'))
// Testarena's records carry no versionedRelease (decision record 040), and shared/ has no copy of
// that schema: a stub with its id lets the record package schema compile; a record that did carry
// one would have to be an object.
ajv.addSchema({
  id: 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json',
  type: 'object',
})
const releasePackage = ajv.compile(json('release-package-schema.json'))
const recordPackage = ajv.compile(json('record-package-schema.json'))

function check(validate: typeof releasePackage, data: unknown): string[] {
  if (validate(data)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

/** Schema errors of a release package (empty when valid). */
export const releasePackageErrors = (data: unknown) => check(releasePackage, data)
/** Schema errors of a record package (empty when valid). */
export const recordPackageErrors = (data: unknown) => check(recordPackage, data)

const codelists = new Map<string, Set<string>>()
function codes(file: string): Set<string> {
  let set = codelists.get(file)
  if (!set) {
    const rows = parse(readFileSync(new URL(`codelists/${file}`, dir), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[]
    set = new Set(rows.map((r) => r.Code!))
    codelists.set(file, set)
  }
  return set
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed release, walked loosely
export type Json = Record<string, any>

/** Codelist values of a release that are not in their codelist, as "file: value". */
export function codelistErrors(release: Json): string[] {
  const found: [string, unknown][] = []
  const add = (file: string, value: unknown) => {
    if (value === undefined) return
    for (const v of Array.isArray(value) ? value : [value]) found.push([file, v])
  }
  add('releaseTag.csv', release.tag)
  add('initiationType.csv', release.initiationType)
  for (const p of release.parties ?? []) add('partyRole.csv', p.roles)
  const t = release.tender ?? {}
  add('tenderStatus.csv', t.status)
  add('method.csv', t.procurementMethod)
  add('procurementCategory.csv', t.mainProcurementCategory)
  add('awardCriteria.csv', t.awardCriteria)
  add('submissionMethod.csv', t.submissionMethod)
  add('currency.csv', t.value?.currency)
  add('currency.csv', release.planning?.budget?.amount?.currency)
  for (const i of t.items ?? []) add('itemClassificationScheme.csv', i.classification?.scheme)
  for (const d of t.documents ?? []) add('documentType.csv', d.documentType)
  for (const m of t.milestones ?? []) {
    add('milestoneType.csv', m.type)
    add('milestoneStatus.csv', m.status)
  }
  for (const a of release.awards ?? []) add('awardStatus.csv', a.status)
  for (const c of release.contracts ?? []) add('contractStatus.csv', c.status)
  for (const r of release.relatedProcesses ?? []) {
    add('relatedProcess.csv', r.relationship)
    add('relatedProcessScheme.csv', r.scheme)
  }
  return found.filter(([file, v]) => !codes(file).has(String(v))).map(([f, v]) => `${f}: ${v}`)
}
