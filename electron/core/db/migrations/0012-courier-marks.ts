import type { Migration } from '../migrate';

export const m0012: Migration = {
  version: 12,
  name: 'who closed a stop, the cash collected, renewable phone tokens',
  sql: /* sql */ `
    -- The cash the courier collected at the door, so his phone can show what to hand over.
    ALTER TABLE deliveries ADD COLUMN cash_collected INTEGER NOT NULL DEFAULT 0 CHECK (cash_collected >= 0);
    -- The paired phone that closed the stop; NULL when the seller did it herself.
    ALTER TABLE deliveries ADD COLUMN finished_by_device INTEGER REFERENCES devices (id);
    -- A renewed phone token: the old one keeps working until the new one is first used, so a
    -- renewal whose answer never reached the phone does not lock it out.
    ALTER TABLE devices ADD COLUMN previous_token_hash TEXT;
    UPDATE deliveries SET cash_collected = (
      SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.order_id = deliveries.order_id AND p.note = 'Cobrado en reparto'
    ) WHERE outcome = 'delivered';
  `,
};
