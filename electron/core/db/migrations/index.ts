import type { Migration } from '../migrate';
import { m0001 } from './0001-catalog';
import { m0002 } from './0002-orders';
import { m0003 } from './0003-promotions';
import { m0004 } from './0004-inbox';
import { m0005 } from './0005-deliveries';
import { m0006 } from './0006-devices';
import { m0007 } from './0007-promotion-images';
import { m0008 } from './0008-channels';
import { m0009 } from './0009-broadcasts';
import { m0010 } from './0010-lives';
import { m0012 } from './0012-courier-marks';
import { m0014 } from './0014-payment-operation';
import { m0015 } from './0015-phones-e164';
import { m0016 } from './0016-scheduled-posts';
import { m0017 } from './0017-product-aliases';
import { m0018 } from './0018-search-index';
import { m0019 } from './0019-rollups';
import { m0020 } from './0020-quick-replies-labels';
import { m0021 } from './0021-follow-ups-waitlist';
import { m0022 } from './0022-payment-receipts';
import { m0025 } from './0025-team';
import { m0026 } from './0026-stall';
import { m0027 } from './0027-outbox-attachment';
import { m0029 } from './0029-customer-search';
import { m0030 } from './0030-talk-stock-rollups';

/** Append-only: never edit a released migration, add the next number. */
export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0012, m0014, m0015, m0016, m0017, m0018, m0019, m0020, m0021, m0022, m0025, m0026, m0027, m0029, m0030];
