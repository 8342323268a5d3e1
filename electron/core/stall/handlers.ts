import type { Handlers } from '../context';
import { fail } from '../../../shared/api/errors';

// Placeholder until the stall core lands (branch stall-core replaces this file).
const notYet = (): never => fail('internal', 'stall mode is not built yet');

export const stallHandlers = {
  'stall.snapshot': notYet,
  'stall.stock': notYet,
  'stall.setAside': notYet,
  'stall.returnUnsold': notYet,
  'stall.sync': notYet,
  'stall.conflicts': notYet,
  'stall.settleConflict': notYet,
} satisfies Partial<Handlers>;
