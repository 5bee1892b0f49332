import { expect, test } from 'vitest'
import { seed } from '~/seed'
import { recordPackage, releasePackageJson, releasesOfOcid } from '~/models/ocds-releases.server'
import { ocidOf } from '~/models/ocds-build.server'
import { createTestDb } from '../helpers/db'
import { codelistErrors, recordPackageErrors, releasePackageErrors } from '../helpers/ocds-validate'

// Issue 17 part 5: every release and record built from the demo marketplace validates against
// OCDS 1.1.5 and uses only codelist values; the demo feed covers every phase.

test('the seeded calls publish valid releases and records in every phase', async () => {
  const { db, sqlite } = await createTestDb()
  await seed(db)
  const pending = sqlite.prepare('SELECT count(*) AS n FROM ocds_releases WHERE body IS NULL').get()
  expect(pending).toEqual({ n: 0 })
  const drafts = sqlite
    .prepare(
      `SELECT count(*) AS n FROM ocds_releases r JOIN calls c ON c.id = r.call_id
       WHERE c.status = 'draft'`,
    )
    .get()
  expect(drafts).toEqual({ n: 0 })
  const tags = sqlite.prepare('SELECT DISTINCT tag FROM ocds_releases ORDER BY tag').all()
  expect(tags.map((t) => (t as { tag: string }).tag)).toEqual(
    expect.arrayContaining([
      'award',
      'contract',
      'planning',
      'tender',
      'tenderAmendment',
      'tenderCancellation',
      'tenderUpdate',
    ]),
  )
  const callIds = sqlite
    .prepare('SELECT DISTINCT call_id FROM ocds_releases ORDER BY call_id')
    .all()
    .map((r) => (r as { call_id: number }).call_id)
  expect(callIds.length).toBeGreaterThan(3)
  for (const callId of callIds) {
    const ocid = ocidOf(callId)
    const releases = (await releasesOfOcid(db, ocid))!
    const pkg = JSON.parse(releasePackageJson('http://localhost/api/v1/ocds/releases', releases))
    expect(releasePackageErrors(pkg), ocid).toEqual([])
    for (const r of pkg.releases) expect(codelistErrors(r), ocid).toEqual([])
    const record = recordPackage('http://localhost/api/v1/ocds/records', ocid, releases)
    expect(recordPackageErrors(record), ocid).toEqual([])
  }
})
