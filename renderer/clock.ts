import { shopDate } from '../shared/domain/time';

/**
 * The renderer's time follows the core's clock: the core says what time it is (`app.info`) and the
 * page keeps the difference, so "today" is the shop's today even on a phone whose clock is off,
 * and a test that fixes the core's "now" fixes the screen's too.
 */
let offsetMs = 0;

export const syncClock = (coreNow: number): void => {
  offsetMs = coreNow - Date.now(); // wall clock: only to measure the difference from the core's clock
};

export const now = (): number => Date.now() + offsetMs; // wall clock: corrected to the core's

/** The difference last learnt from the core, kept on a stall phone so its clock is right offline too. */
export const clockOffset = (): number => offsetMs;

export const restoreClockOffset = (savedOffsetMs: number): void => {
  offsetMs = savedOffsetMs;
};

/** The shop-local day `offsetDays` from today, as YYYY-MM-DD. */
export const shopDay = (timeZone: string, offsetDays = 0): string => shopDate(now(), timeZone, offsetDays);
