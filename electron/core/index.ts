import fs from 'node:fs';
import path from 'node:path';
import type { AppEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/result';
import { startAutoBackup } from './backup/schedule';
import { linkOrCopyTree } from './backup/files';
import type { CoreContext } from './context';
import { openDatabase, type Db } from './db/open';
import { createDispatch, type DispatchOptions } from './dispatch';
import { createEventHub } from './events';
import { stopOcr } from './payments/ocr';
import { handlers } from './handlers';
import { mediaDirFor } from './media/store';
import { resolveResourcesDir } from './resources';
import { pairingOf } from './lan/handlers';
import { deviceForToken, type LanCertificate } from './lan/pairing';
import { recordActors } from './team/actor';
import { roleOfDevice } from './team/repo';
import type { Principal } from './lan/principal';
import type { Language } from '../../shared/domain/settings';
import type { AdapterFactories } from './channels/adapter';
import { createChannelHub, type ChannelHub } from './channels/hub';
import { readAccounts } from './channels/repo';
import { channelsDirFor, localKeyBox, type SecretBox } from './channels/secrets';
import { defaultAdapterFactories } from './channels/factories';
import { readSettings, writeSettings } from './settings/repo';
import { isChromiumBrowser } from './channels/browser';
import { createOutboxRunner, type OutboxRunner } from './broadcast/runner';
import { startLiveWatcher } from './live/watcher';
import { assemblePromotions } from './promotions/assemble';
import { findPromotionRow } from './promotions/repo';
import { instagramHandle, renderPromoImage } from './print/promoImage';
import { shopCatalogPdf } from './print/catalogPdf';
import { startPhoneLabelSync } from './quick/labels';
import { ChasquiError, fail } from '../../shared/api/errors';
import { contract, isMethodName } from '../../shared/api/contract';
import { quickCheckInBackground } from './db/quickCheck';
import { systemClock, type Clock } from './clock';
import { makePrivateDir, protectShopFiles } from './privateFiles';

export interface CoreOptions {
  dataDir: string;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  clock?: Clock;
  /** A better_sqlite3.node built for Electron, when the core runs inside the desktop app. */
  nativeBinding?: string;
  /** Daily backups into <dataDir>/backups while the core runs (the shells turn this on). */
  isAutoBackupEnabled?: boolean;
  /** Fonts and demo photos; found next to the app when not given. */
  resourcesDir?: string;
  /** Channel adapters; tests hand in ones built around fakes of the libraries' clients. */
  channelAdapters?: Partial<AdapterFactories>;
  /** Encrypts channel sessions; the desktop passes one backed by safeStorage. */
  secretBox?: SecretBox;
  pollIntervalMs?: number;
  /** Tests that move the clock themselves call core.outbox.runDue() instead of waiting on timers. */
  isOutboxTimerEnabled?: boolean;
  /** How often a running live's comments are read (3 s). */
  liveWatchEveryMs?: number;
  /** How often phone labels are read again while WhatsApp is connected (five minutes by default). */
  labelSyncEveryMs?: number;
  /** For pacing gaps; Math.random unless a test fixes it. */
  random?: () => number;
  /**
   * Check an existing database (SQLite quick_check) in a worker while the core already answers
   * reads; writes, channels, the outbox and backups wait for it to pass (the headless shell's cold start).
   */
  isQuickCheckInBackground?: boolean;
}

export interface Core {
  dispatch(method: string, args: unknown, options?: DispatchOptions): Promise<Envelope<unknown>>;
  events: { subscribe(listener: (event: AppEvent) => void): () => void };
  dataDir: string;
  mediaDir: string;
  /** The core's one clock, for the shells' and tools' own time-dependent work (the demo shop's dates). */
  now: Clock;
  /** Settles once the database passed its check (at once unless isQuickCheckInBackground); rejects with db_damaged. */
  integrity: Promise<void>;
  /** For the core's own tests and tools; shells go through dispatch. */
  readonly db: Db;
  /** The connected channels; shells and tests reach posts and sends through the API, tools through this. */
  channels: ChannelHub;
  outbox: OutboxRunner;
  /** For the shell that listens on the home network. */
  lan: {
    /** The HTTPS address phones open, and where they install the shop's certificate first. */
    setUrl(url: string | null, certificate?: LanCertificate): void;
    /** The paired device behind a token, or null when unknown, revoked or unused too long. */
    deviceForToken(token: string): number | null;
    /** The caller a phone's token stands for, to hand to dispatch; null when it is not let in. */
    principalForToken(token: string): Principal | null;
    /** The shop's language, for the phone page before it is paired. */
    language(): Language;
  };
  /**
   * A browser the seller picked in the desktop app's own file dialog (never a path from a request):
   * saved for WhatsApp if it is Chrome, Chromium or Edge.
   */
  chooseBrowser(file: string): Envelope<unknown>;
  close(): void;
}

export const DB_FILE = 'chasqui.db';
export { DEMO_MARKER } from './demoMarker';

export const createCore = (options: CoreOptions): Core => {
  const dataDir = path.resolve(options.dataDir);
  makePrivateDir(dataDir);
  const dbFile = path.join(dataDir, DB_FILE);
  const now = options.clock ?? systemClock;
  const open = () => {
    const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding, backupsDir: path.join(dataDir, 'backups'), now });
    recordActors(db);
    return db;
  };
  const mediaDir = mediaDirFor(dataDir);
  const hub = createEventHub();

  let isCheckDeferred = false;
  const firstDb = openDatabase(dbFile, {
    nativeBinding: options.nativeBinding,
    backupsDir: path.join(dataDir, 'backups'),
    now,
    onQuickCheckDeferred: options.isQuickCheckInBackground ? () => (isCheckDeferred = true) : undefined,
  });
  recordActors(firstDb);
  const integrity = isCheckDeferred
    ? quickCheckInBackground(dbFile, options.nativeBinding).then((isOk) => {
        if (!isOk) fail('db_damaged', `${dbFile} is damaged. Restore the last good backup from the backups folder; the file was left as it is.`);
      })
    : Promise.resolve();
  // Nothing may write before the check passed: not a caller, not a channel, not the outbox.
  let isChecked = !isCheckDeferred;
  integrity.then(() => (isChecked = true), () => undefined);
  protectShopFiles(dataDir, dbFile);
  const channelsDir = channelsDirFor(dataDir);
  const channels = createChannelHub({
    db: () => base.db,
    saved: readAccounts(firstDb),
    mediaDir,
    channelsDir,
    dispatch: (method, args, dispatchOptions) => dispatch(method, args, dispatchOptions),
    publish: hub.publish,
    factories: { ...defaultAdapterFactories, ...options.channelAdapters },
    secretBox: options.secretBox ?? localKeyBox(channelsDir),
    settings: () => readSettings(base.db),
    now,
    pollIntervalMs: options.pollIntervalMs,
  });
  const resourcesDir = resolveResourcesDir(options.resourcesDir);
  const outbox = createOutboxRunner({
    db: () => base.db,
    channels,
    now,
    settings: () => readSettings(base.db),
    publish: hub.publish,
    loadPromotion: (id) => {
      const row = findPromotionRow(base.db, id) ?? fail('not_found', `Promotion ${id} does not exist`);
      return assemblePromotions(base.db, [row], readSettings(base.db), now())[0] ?? fail('not_found', `Promotion ${id} does not exist`);
    },
    renderImage: (promo, format) => renderPromoImage(promo, readSettings(base.db), mediaDir, format, instagramHandle(channels.get('instagram').account)),
    renderAttachment: async () => ({ ...(await shopCatalogPdf(base.db, { resourcesDir, mediaDir }, now())), mime: 'application/pdf' }),
    random: options.random,
    isTimerEnabled: options.isOutboxTimerEnabled,
  });
  // Mutable on purpose: a restore swaps the connection and every later call sees the new one.
  const base: Omit<CoreContext, 'emit' | 'principal'> = {
    db: firstDb,
    channels,
    outbox,
    dataDir,
    mediaDir,
    resourcesDir,
    now,
    publishNow: hub.publish,
    caches: {},
    replaceDatabase: (sourceFile, sourceMediaDir) => {
      base.db.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
      fs.copyFileSync(sourceFile, dbFile);
      linkOrCopyTree(sourceMediaDir, mediaDir);
      base.db = open();
      protectShopFiles(dataDir, dbFile);
      base.caches = {};
    },
  };
  const dispatch = createDispatch(base, hub, handlers);
  let isClosed = false;
  let stopLiveWatcher = (): void => undefined;
  let stopAutoBackup = (): void => undefined;
  let stopLabelSync = (): void => undefined;
  const startBackground = (): void => {
    if (isClosed) return;
    channels.resume();
    // A broadcast that was running when the app closed goes on where it stopped; a channel coming back wakes it.
    hub.subscribe((event) => (event.type === 'channels.status' && event.payload.status === 'ready' ? outbox.wake() : undefined));
    outbox.start();
    if (options.isOutboxTimerEnabled !== false) stopLiveWatcher = startLiveWatcher({ db: () => base.db, channels, dispatch, everyMs: options.liveWatchEveryMs });
    if (options.isAutoBackupEnabled) stopAutoBackup = startAutoBackup(dispatch, dataDir, base.now);
    stopLabelSync = startPhoneLabelSync({
      ctx: () => base,
      onChanged: (conversationIds) => hub.publish({ type: 'labels.changed', payload: { conversationIds } }),
      subscribe: hub.subscribe,
      everyMs: options.labelSyncEveryMs,
    });
  };
  if (isChecked) startBackground();
  else integrity.then(startBackground, () => undefined);
  const isRead = (method: string): boolean => isMethodName(method) && contract[method].kind === 'read';
  return {
    integrity,
    dispatch: async (method, args, dispatchOptions) => {
      if (isClosed) return { ok: false, error: { code: 'internal', message: 'Chasqui is shutting down' } };
      if (!isChecked && !isRead(method)) {
        try {
          await integrity;
        } catch (error) {
          return { ok: false, error: error instanceof ChasquiError ? error.toBody() : { code: 'db_damaged', message: 'The data is damaged' } };
        }
      }
      return dispatch(method, args, dispatchOptions);
    },
    events: { subscribe: hub.subscribe },
    now,
    dataDir,
    mediaDir,
    get db() {
      return base.db;
    },
    channels,
    outbox,
    lan: {
      setUrl: (url, certificate) => {
        pairingOf(base).url = url;
        pairingOf(base).certificate = url === null ? null : (certificate ?? null);
      },
      deviceForToken: (token) => deviceForToken(base.db, token, base.now()),
      principalForToken: (token) => {
        const deviceId = deviceForToken(base.db, token, base.now());
        const person = deviceId === null ? null : roleOfDevice(base.db, deviceId);
        return deviceId === null || person === null ? null : { kind: 'device', deviceId, ...person };
      },
      language: () => readSettings(base.db).language,
    },
    chooseBrowser(file) {
      if (!isChromiumBrowser(file)) return { ok: false, error: { code: 'forbidden', message: `browserPath: ${file} is not Chrome, Chromium or Edge`, field: 'browserPath' } };
      base.db.transaction(() => writeSettings(base.db, { browserPath: file }))();
      const settings = readSettings(base.db);
      hub.publish({ type: 'settings.changed', payload: settings });
      return { ok: true, value: settings };
    },
    close() {
      if (isClosed) return;
      isClosed = true;
      stopAutoBackup();
      outbox.stop();
      stopLiveWatcher();
      stopLabelSync();
      void channels.close();
      void stopOcr();
      base.db.close();
    },
  };
};
