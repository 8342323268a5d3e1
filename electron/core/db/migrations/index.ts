import type { Migration } from '../migrate';
import { m0001 } from './0001-catalog';

/** Append-only: never edit a released migration, add the next number. */
export const migrations: readonly Migration[] = [m0001];
