import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from './context';
import { catalogHandlers } from './catalog/handlers';
import { aliasHandlers } from './catalog/aliasHandlers';
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
import { teamHandlers } from './team/handlers';
import { getPerson } from './team/repo';
import { channelHandlers } from './channels/handlers';
import { broadcastHandlers } from './broadcast/handlers';
import { liveHandlers } from './live/handlers';
import { browserHandlers } from './channels/browserHandlers';
import { settingsHandlers } from './settings/handlers';
import { paymentHandlers } from './payments/handlers';
import { stockHandlers } from './stock/handlers';
import { quickHandlers } from './quick/handlers';
import { boardHandlers } from './board/handlers';
import { stallHandlers } from './stall/handlers';
import { latestVersion } from './db/migrate';
import { version } from './version';
import { exportLog } from './logExport';
import { DEMO_MARKER } from './demoMarker';

export const handlers = {
  'app.info': (ctx) => {
    const isOwner = ctx.principal.kind === 'owner';
    const person = ctx.principal.kind === 'device' && ctx.principal.personId !== null ? getPerson(ctx.db, ctx.principal.personId) : null;
    return {
      version,
      schemaVersion: latestVersion(),
      // Where the shop's files are is the owner's business, not a helper phone's.
      dataDir: isOwner ? ctx.dataDir : '',
      isDemo: fs.existsSync(path.join(ctx.dataDir, DEMO_MARKER)),
      now: ctx.now(),
      role: ctx.principal.kind === 'device' ? ctx.principal.role : 'owner',
      personName: person?.name ?? null,
    };
  },
  'app.exportLog': (ctx) => exportLog(ctx),
  ...settingsHandlers,
  ...mediaHandlers,
  ...catalogHandlers,
  ...aliasHandlers,
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
  ...teamHandlers,
  ...channelHandlers,
  ...browserHandlers,
  ...broadcastHandlers,
  ...liveHandlers,
  ...quickHandlers,
  ...boardHandlers,
  ...stallHandlers,
  ...paymentHandlers,
  // Only the desktop shell can open files; it answers these before they reach the core.
  'desktop.openFile': () => ({ isDone: false }),
  'desktop.showInFolder': () => ({ isDone: false }),
  'desktop.facebookLogin': async () => ({ isDone: false, token: null }),
  'desktop.switchShop': async () => ({ isDone: false }),
} satisfies Handlers;
