/** Milliseconds since the epoch. The core is given one clock; handlers read time only through `ctx.now()`. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now(); // wall clock: the running app's default; tests pass a clock of their own
