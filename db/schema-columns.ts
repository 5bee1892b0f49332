import type { ColumnType } from 'kysely'

export type Bool = 0 | 1
/** A column with a database default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>
export type Locale = 'sv' | 'en'
