import type { Migration } from '../migrate';
import { m0001 } from './0001-catalog';
import { m0002 } from './0002-orders';

/** Append-only: never edit a released migration, add the next number. */
export const migrations: readonly Migration[] = [m0001, m0002];
