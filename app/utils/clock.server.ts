/**
 * Server time in UTC unix seconds. Every rule that depends on time reads it here, so tests can
 * move the clock instead of waiting.
 */
let offsetSeconds = 0

export function now(): number {
  return Math.floor(Date.now() / 1000) + offsetSeconds
}

/** Tests only: shift the server clock. */
export function setClockOffset(seconds: number): void {
  offsetSeconds = seconds
}
