import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from './context';
import { catalogHandlers } from './catalog/handlers';
import { mediaHandlers } from './media/handlers';
import { orderHandlers } from './orders/handlers';
import { backupHandlers } from './backup/handlers';
import { reportHandlers } from './reports/handlers';
import { promotionHandlers } from './promotions/handlers';
import { printHandlers } from './print/handlers';
import { inboxHandlers } from './inbox/handlers';
import { customerHandlers } from './customers/handlers';
import { deliveryHandlers } from './deliveries/handlers';
import { shopHandlers } from './backup/shopHandlers';
import { lanHandlers } from './lan/handlers';
import { channelHandlers } from './channels/handlers';
import { broadcastHandlers } from './broadcast/handlers';
import { liveHandlers } from './live/handlers';
import { browserHandlers } from './channels/browserHandlers';
import { settingsHandlers } from './settings/handlers';
import { paymentHandlers } from './payments/handlers';
import { stockHandlers } from './stock/handlers';
import { latestVersion } from './db/migrate';
import { version } from './version';
import { exportLog } from './logExport';
import { DEMO_MARKER } from './demoMarker';

export const handlers = {
  'app.info': (ctx) => ({ version, schemaVersion: latestVersion(), dataDir: ctx.dataDir, isDemo: fs.existsSync(path.join(ctx.dataDir, DEMO_MARKER)), now: ctx.now() }),
  'app.exportLog': (ctx) => exportLog(ctx),
  ...settingsHandlers,
  ...mediaHandlers,
  ...catalogHandlers,
  ...stockHandlers,
  ...orderHandlers,
  ...backupHandlers,
  ...reportHandlers,
  ...promotionHandlers,
  ...printHandlers,
  ...inboxHandlers,
  ...customerHandlers,
  ...deliveryHandlers,
  ...shopHandlers,
  ...lanHandlers,
  ...channelHandlers,
  ...browserHandlers,
  ...broadcastHandlers,
  ...liveHandlers,
  ...paymentHandlers,
  // Only the desktop shell can open files; it answers these before they reach the core.
  'desktop.openFile': () => ({ isDone: false }),
  'desktop.showInFolder': () => ({ isDone: false }),
  'desktop.facebookLogin': async () => ({ isDone: false, token: null }),
  'desktop.switchShop': async () => ({ isDone: false }),
} satisfies Handlers;
