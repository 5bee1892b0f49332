import { notFound } from '~/auth/guards.server'

/** A competition year in the address: four digits, or the route answers 404. */
export function yearParam(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) throw notFound()
  return Number(value)
}
