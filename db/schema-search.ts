// One search over everything public (issue 16 part 5, decision record 036; migration
// 2026-12-07-22-search). The rows are written only by triggers on the source tables.

/** One public item: a test bed, a call, a reference, an organisation or an initiative. */
export interface SearchDocumentsTable {
  /** kind number × 2^40 + source_id (1 test bed, 2 call, 3 reference, 4 organisation, 5 initiative). */
  id: number
  kind: 'test_bed' | 'call' | 'reference' | 'organisation' | 'initiative'
  source_id: number
  /** The owner: the host, the buyer, the reference's public body, the organisation itself. */
  organisation_id: number
  title: string
  body: string
  /** Names the item is found by besides its text: the owner, the county, the municipality. */
  context: string
  status: string | null
  procedure: string | null
  /** JSON arrays of theme codes and county codes. */
  themes: string
  counties: string
}

/** A kind's trigram index over search_documents (case and diacritics folded). */
export interface SearchFtsTable {
  rowid: number
  title: string
  body: string
  context: string
}
