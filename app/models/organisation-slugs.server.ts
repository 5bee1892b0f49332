import type { DB } from '#db/connection'

// An organisation's address: /organisations/<slug>.

const RESERVED_SLUGS = new Set(['new'])

/**
 * The address-friendly form of a name: "Vårdkraft Digital AB" → "vardkraft-digital-ab". Letters
 * lose their accents (å, ä → a; ö → o), everything else becomes a dash.
 */
export function slugify(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  if (slug.length >= 2) return slug
  return slug ? `organisation-${slug}` : 'organisation'
}

/** A slug no other organisation has: the name's, or with -2, -3 … added. */
export async function uniqueSlug(db: DB, name: string): Promise<string> {
  const base = slugify(name)
  const taken = new Set(
    (
      await db
        .selectFrom('organisations')
        .select('slug')
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute()
    ).map((r) => r.slug),
  )
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
