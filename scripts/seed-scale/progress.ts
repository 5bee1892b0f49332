import type SQLite from 'better-sqlite3'

// Progress and batching for `npm run seed:scale`: each phase commits in batched transactions
// and prints rows, rows per second and elapsed time at least every few seconds.

export type Log = (line: string) => void

export interface PhaseResult {
  name: string
  rows: number
  seconds: number
  /** CPU seconds of this process (user + system): the machine may be shared. */
  cpuSeconds: number
}

const PRINT_EVERY_MS = 3000

export class Phase {
  private rows = 0
  private readonly started = performance.now()
  private readonly cpu = process.cpuUsage()
  private lastPrint = this.started

  constructor(
    readonly name: string,
    private readonly total: number,
    private readonly log: Log,
  ) {}

  /** Counts `n` more rows of this phase's main kind; prints when a few seconds have passed. */
  add(n = 1): void {
    this.rows += n
    const at = performance.now()
    if (at - this.lastPrint >= PRINT_EVERY_MS) {
      this.lastPrint = at
      this.log(
        `  ${this.name}: ${this.rows.toLocaleString('en')} / ${this.total.toLocaleString('en')}, ${this.rate(at)}`,
      )
    }
  }

  private rate(at: number): string {
    const seconds = (at - this.started) / 1000
    return `${Math.round(this.rows / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s, ${seconds.toFixed(1)} s`
  }

  finish(): PhaseResult {
    const at = performance.now()
    this.log(`  ${this.name}: done, ${this.rows.toLocaleString('en')} rows, ${this.rate(at)}`)
    const cpu = process.cpuUsage(this.cpu)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    return { name: this.name, rows: this.rows, seconds: (at - this.started) / 1000, cpuSeconds }
  }
}

/**
 * Runs `body` for items 0..count-1 in transactions of `size` items each, BEGIN IMMEDIATE like
 * every write of the app, on the raw better-sqlite3 handle (the phases use prepared statements).
 */
export function inBatches(
  sqlite: SQLite.Database,
  count: number,
  size: number,
  body: (index: number) => void,
): void {
  const batch = sqlite.transaction((start: number, end: number) => {
    for (let index = start; index < end; index++) body(index)
  })
  for (let start = 0; start < count; start += size) {
    batch.immediate(start, Math.min(count, start + size))
  }
}
