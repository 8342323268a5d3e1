import path from 'node:path';
import type { AppEvent } from '../../../shared/api/contract';
import { INGEST_BATCH_MAX, ingestMessageArgs } from '../../../shared/api/methods/inbox';
import { ChasquiError, type ErrorCode } from '../../../shared/api/errors';
import { channelKinds, isSendingStatus, type ChannelKind, type ChannelState } from '../../../shared/domain/channels';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import type { Dispatch } from '../dispatch';
import { storeImage } from '../media/store';
import { ChannelError, type LiveComment, type SentText, type AdapterFactories, type ChannelAdapter, type ChannelFailure, type ConnectInput, type InboundMessage, type OutgoingPhoto, type OutgoingFile, type ChannelLabel, type Post, type StatusUpdate } from './adapter';
import { saveAccount, type SavedAccount } from './repo';
import { readSecret, wipeChannelDir, writeSecret, type SecretBox } from './secrets';
import { redact } from './redact';

export interface ChannelHub {
  list(): ChannelState[];
  get(kind: ChannelKind): ChannelState;
  connect(input: ConnectInput): Promise<ChannelState>;
  answerPrompt(kind: ChannelKind, answer: string): Promise<ChannelState>;
  disconnect(kind: ChannelKind, isWipe: boolean): Promise<ChannelState>;
  sync(kind: ChannelKind): Promise<number>;
  send(kind: ChannelKind, to: string, text: string, idempotencyKey: string, photos?: OutgoingPhoto[]): Promise<{ externalId: string; sentAt: number }>;
  /** Whether this channel can send a document (the catalog PDF); when not, callers send the link as text. */
  canSendFiles(kind: ChannelKind): boolean;
  sendFile(kind: ChannelKind, to: string, caption: string, idempotencyKey: string, file: OutgoingFile): Promise<{ externalId: string; sentAt: number }>;
  /** Whether photos can go out through this channel now (its adapter is connected and sends them). */
  canSendPhotos(kind: ChannelKind): boolean;
  /** null when the channel has no labels (only WhatsApp Business has them). */
  listLabels(kind: ChannelKind): Promise<ChannelLabel[] | null>;
  /** false when the channel cannot keep labels; true once her phone has them. */
  setChatLabels(kind: ChannelKind, to: string, labelIds: string[], knownLabelIds: string[]): Promise<boolean>;
  publish(kind: ChannelKind, post: Post): Promise<{ externalId: string }>;
  recentOutgoing(kind: ChannelKind, to: string): Promise<SentText[] | null>;
  /** null when the channel cannot find or read lives. */
  findLive(kind: ChannelKind): Promise<string | null>;
  liveComments(kind: ChannelKind, liveId: string, since: number): Promise<LiveComment[]>;
  /** Reconnects the channels the seller left connected, from their saved sessions. */
  resume(): void;
  close(): Promise<void>;
  secretBox: SecretBox;
}

export interface HubOptions {
  db: () => Db;
  /** What channel_accounts held when the core opened. */
  saved: SavedAccount[];
  mediaDir: string;
  channelsDir: string;
  dispatch: Dispatch;
  publish: (event: AppEvent) => void;
  factories: AdapterFactories;
  secretBox: SecretBox;
  settings: () => ShopSettings;
  now: () => number;
  /** How often Instagram and Facebook are asked for new messages while connected. */
  pollIntervalMs?: number;
}

const errorCodeFor: Record<ChannelFailure, ErrorCode> = {
  needs_auth: 'channel_not_ready',
  auth_failed: 'channel_auth_failed',
  rate_limited: 'channel_rate_limited',
  blocked: 'channel_blocked',
  offline: 'channel_not_ready',
  reply_window_closed: 'reply_window_closed',
  browser_not_found: 'browser_not_found',
  error: 'channel_error',
};

const statusAfter: Partial<Record<ChannelFailure, ChannelState['status']>> = {
  needs_auth: 'needs_auth',
  auth_failed: 'needs_auth',
  rate_limited: 'rate_limited',
  blocked: 'blocked',
  offline: 'offline',
  browser_not_found: 'not_connected',
};

export const createChannelHub = (options: HubOptions): ChannelHub => {
  const { now } = options;
  const blank = (kind: ChannelKind): ChannelState => ({ kind, status: 'not_connected', account: '', detail: '', prompt: null, linkedAt: null, updatedAt: 0 });
  const states = new Map<ChannelKind, ChannelState>(channelKinds.map((kind) => [kind, blank(kind)]));
  const wanted = new Set<ChannelKind>();
  for (const saved of options.saved) {
    // Nothing is connected yet when the app starts: what was ready is offline until it reconnects.
    const status = saved.state.status === 'not_connected' ? 'not_connected' : 'offline';
    states.set(saved.state.kind, { ...saved.state, status, prompt: null });
    if (saved.isWanted) wanted.add(saved.state.kind);
  }
  const adapters = new Map<ChannelKind, ChannelAdapter>();
  const pollTimers = new Map<ChannelKind, NodeJS.Timeout>();
  let isClosed = false;

  const state = (kind: ChannelKind): ChannelState => states.get(kind) ?? blank(kind);

  const setState = (kind: ChannelKind, update: StatusUpdate): void => {
    if (isClosed) return;
    const before = state(kind);
    const isNowLinked = update.status === 'ready' && before.linkedAt === null;
    const next: ChannelState = {
      ...before,
      status: update.status,
      account: update.account ?? before.account,
      detail: update.detail ?? (update.status === 'ready' ? '' : before.detail),
      prompt: update.prompt === undefined ? (update.status === 'needs_auth' ? before.prompt : null) : update.prompt,
      linkedAt: isNowLinked ? now() : update.status === 'not_connected' ? null : before.linkedAt,
      updatedAt: now(),
    };
    states.set(kind, next);
    saveAccount(options.db(), next, wanted.has(kind));
    options.publish({ type: 'channels.status', payload: next });
    schedulePoll(kind);
  };

  /** Photos first (they are files, outside any transaction), then the message as the API takes it. */
  const withPhotos = async (kind: ChannelKind, message: InboundMessage): Promise<Record<string, unknown>> => {
    const photoIds: string[] = [];
    for (const photo of message.photos ?? []) {
      try {
        photoIds.push((await storeImage(options.db(), options.mediaDir, photo.bytes, photo.fileName, now())).id);
      } catch {
        // A photo Chasqui cannot read still leaves the message itself in the inbox.
      }
    }
    const { photos: _photos, ...fields } = message;
    return { ...fields, via: kind, photoIds };
  };

  const isNewOf = (value: unknown): boolean => typeof value === 'object' && value !== null && 'isNew' in value && value.isNew === true;

  const ingestOne = async (kind: ChannelKind, args: Record<string, unknown>): Promise<{ isNew: boolean }> => {
    const result = await options.dispatch('inbox.ingestMessage', args);
    if (!result.ok) {
      console.error(`[chasqui] ${kind}: a message was refused: ${result.error.code} ${redact(result.error.message)}`);
      return { isNew: false };
    }
    return { isNew: isNewOf(result.value) };
  };

  /**
   * Messages that arrive together go in as transactions of up to INGEST_BATCH_MAX (one fsync for
   * the lot instead of one each); a lone live message keeps its own. Should a batch fail anyway, it
   * is retried message by message, so one message cannot keep the others out.
   */
  const ingestMany = async (kind: ChannelKind, all: Record<string, unknown>[]): Promise<{ isNew: boolean }[]> => {
    const results = new Map<number, { isNew: boolean }>();
    // What the API would refuse goes alone (and is logged as refused), so it cannot sink a whole batch.
    const acceptable = all.flatMap((args, index) => (ingestMessageArgs.safeParse(args).success ? [{ args, index }] : []));
    const isAcceptable = new Set(acceptable.map((entry) => entry.index));
    for (const [index, args] of all.entries()) if (!isAcceptable.has(index)) results.set(index, await ingestOne(kind, args));
    for (let start = 0; start < acceptable.length; start += INGEST_BATCH_MAX) {
      const batch = acceptable.slice(start, start + INGEST_BATCH_MAX);
      const result = batch.length === 1 ? null : await options.dispatch('inbox.ingestMessages', { messages: batch.map((entry) => entry.args) });
      const items = result?.ok && typeof result.value === 'object' && result.value !== null && 'items' in result.value && Array.isArray(result.value.items) ? result.value.items : null;
      if (items) batch.forEach((entry, i) => results.set(entry.index, { isNew: isNewOf(items[i]) }));
      else for (const entry of batch) results.set(entry.index, await ingestOne(kind, entry.args));
    }
    return all.map((_, index) => results.get(index) ?? { isNew: false });
  };

  // What arrives in the same turn of the event loop (a reconnect's backlog, a burst) waits for the
  // end of that turn and goes in together; a message alone goes in at once, on its own.
  const waiting = new Map<ChannelKind, { args: Record<string, unknown>; done: (result: { isNew: boolean }) => void }[]>();
  const flush = (kind: ChannelKind): void => {
    const queue = waiting.get(kind) ?? [];
    waiting.delete(kind);
    // Closed meanwhile: the channel sends them again next time (messages are unique per channel).
    if (isClosed) return queue.forEach((entry) => entry.done({ isNew: false }));
    void ingestMany(
      kind,
      queue.map((entry) => entry.args),
    ).then((results) => queue.forEach((entry, i) => entry.done(results[i] ?? { isNew: false })));
  };
  const ingest = async (kind: ChannelKind, message: InboundMessage): Promise<{ isNew: boolean }> => {
    const args = await withPhotos(kind, message);
    return new Promise((done) => {
      const queue = waiting.get(kind);
      if (queue) {
        queue.push({ args, done });
        return;
      }
      waiting.set(kind, [{ args, done }]);
      setImmediate(() => flush(kind));
    });
  };

  const ingestAll = async (kind: ChannelKind, messages: InboundMessage[]): Promise<{ isNew: boolean }[]> => {
    const all: Record<string, unknown>[] = [];
    for (const message of messages) all.push(await withPhotos(kind, message));
    return ingestMany(kind, all);
  };

  const adapterFor = (kind: ChannelKind): ChannelAdapter => {
    const existing = adapters.get(kind);
    if (existing) return existing;
    // Photos come with messages: sharp loads now, in the background, not with the app nor with the first photo.
    void import('sharp').catch(() => undefined);
    const adapter = options.factories[kind](
      {
        onMessage: (message) => ingest(kind, message),
        onMessages: (messages) => ingestAll(kind, messages),
        onStatus: (update) => setState(kind, update),
        saveSession: (session) => writeSecret(options.channelsDir, options.secretBox, kind, session),
      },
      { sessionDir: path.join(options.channelsDir, kind), settings: options.settings, now },
    );
    adapters.set(kind, adapter);
    return adapter;
  };

  /** Every call into a channel library goes through here: its failures become a status and a stable error, never a crash. */
  const guarded = async <T>(kind: ChannelKind, work: () => Promise<T>, isQuiet = false): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const failure = error instanceof ChannelError ? error.failure : 'error';
      const message = error instanceof Error ? redact(error.message) : 'The channel failed';
      const status = statusAfter[failure];
      if (status) setState(kind, { status, detail: message });
      else if (failure === 'error') {
        console.error(`[chasqui] ${kind}:`, message);
        if (isSendingStatus(state(kind).status)) setState(kind, { status: 'degraded', detail: message });
      }
      if (isQuiet) throw error;
      throw new ChasquiError({ code: errorCodeFor[failure], message, details: { channel: kind } });
    }
  };

  const schedulePoll = (kind: ChannelKind): void => {
    const adapter = adapters.get(kind);
    const isPolling = pollTimers.has(kind);
    // Offline channels keep being polled: the first answer that comes back brings them back to ready.
    const shouldPoll = !isClosed && adapter?.poll !== undefined && (isSendingStatus(state(kind).status) || state(kind).status === 'offline');
    if (shouldPoll && !isPolling) {
      const tick = async () => {
        await (adapter.poll?.() ?? Promise.resolve(0));
        if (state(kind).status === 'offline') setState(kind, { status: 'ready', detail: '' });
      };
      const timer = setInterval(() => void guarded(kind, tick, true).catch(() => undefined), options.pollIntervalMs ?? 60_000);
      timer.unref();
      pollTimers.set(kind, timer);
    } else if (!shouldPoll && isPolling) {
      clearInterval(pollTimers.get(kind));
      pollTimers.delete(kind);
    }
  };

  const requireSending = (kind: ChannelKind): ChannelAdapter => {
    const current = state(kind);
    const adapter = adapters.get(kind);
    if (!adapter || !isSendingStatus(current.status)) {
      const why = current.status === 'rate_limited' || current.status === 'blocked' ? current.detail : `${kind} is ${current.status.replace('_', ' ')}`;
      throw new ChasquiError({ code: 'channel_not_ready', message: why || `${kind} is not connected`, details: { channel: kind, status: current.status } });
    }
    return adapter;
  };

  return {
    secretBox: options.secretBox,
    list: () => channelKinds.map(state),
    get: state,
    async connect(input) {
      const kind = input.kind;
      wanted.add(kind);
      setState(kind, { status: 'connecting', detail: '', prompt: null });
      await guarded(kind, () => adapterFor(kind).connect(input, readSecret(options.channelsDir, options.secretBox, kind)));
      return state(kind);
    },
    async answerPrompt(kind, answer) {
      const adapter = adapters.get(kind);
      if (!adapter || state(kind).prompt === null) {
        throw new ChasquiError({ code: 'conflict', message: `${kind} is not waiting for a code`, details: { channel: kind } });
      }
      await guarded(kind, () => adapter.answerPrompt(answer));
      return state(kind);
    },
    async disconnect(kind, isWipe) {
      wanted.delete(kind);
      const adapter = adapters.get(kind);
      adapters.delete(kind);
      if (adapter) await guarded(kind, () => adapter.disconnect(isWipe), true).catch(() => undefined);
      if (isWipe) wipeChannelDir(options.channelsDir, kind);
      setState(kind, { status: 'not_connected', detail: '', prompt: null, ...(isWipe ? { account: '' } : {}) });
      return state(kind);
    },
    async sync(kind) {
      const adapter = requireSending(kind);
      return adapter.poll ? guarded(kind, () => adapter.poll?.() ?? Promise.resolve(0)) : 0;
    },
    canSendPhotos: (kind) => adapters.get(kind)?.sendPhoto !== undefined,
    send(kind, to, text, idempotencyKey, photos = []) {
      const adapter = requireSending(kind);
      if (photos.length === 0) return guarded(kind, () => adapter.sendDirect(to, text, idempotencyKey));
      const sendPhoto = adapter.sendPhoto;
      if (!sendPhoto) throw new ChasquiError({ code: 'invalid_input', message: `${kind} cannot send photos from Chasqui yet; send the text alone`, details: { channel: kind } });
      // The text rides as the first photo's caption, as people do on WhatsApp.
      return guarded(kind, async () => {
        const sent = [];
        for (const [i, photo] of photos.entries()) sent.push(await sendPhoto(to, photo, i === 0 ? text : '', `${idempotencyKey}-${i}`));
        return sent[0] ?? { externalId: '', sentAt: now() };
      });
    },
    canSendFiles: (kind) => adapters.get(kind)?.sendFile !== undefined,
    sendFile(kind, to, caption, idempotencyKey, file) {
      const adapter = requireSending(kind);
      const sendFile = adapter.sendFile;
      if (!sendFile) throw new ChasquiError({ code: 'invalid_input', message: `${kind} cannot send files from Chasqui; send the link instead`, details: { channel: kind } });
      return guarded(kind, () => sendFile(to, file, caption, idempotencyKey));
    },
    async listLabels(kind) {
      const adapter = requireSending(kind);
      const list = adapter.listLabels;
      return list ? guarded(kind, () => list()) : null;
    },
    async setChatLabels(kind, to, labelIds, knownLabelIds) {
      const adapter = requireSending(kind);
      const set = adapter.setChatLabels;
      if (!set) return false;
      await guarded(kind, () => set(to, labelIds, knownLabelIds));
      return true;
    },
    publish(kind, post) {
      const adapter = requireSending(kind);
      const publish = adapter.publish;
      if (!publish) throw new ChasquiError({ code: 'invalid_input', message: `${kind} cannot publish posts`, details: { channel: kind } });
      return guarded(kind, () => publish(post));
    },
    async recentOutgoing(kind, to) {
      const adapter = requireSending(kind);
      const recent = adapter.recentOutgoing;
      return recent ? guarded(kind, () => recent(to)) : null;
    },
    async findLive(kind) {
      const adapter = requireSending(kind);
      const find = adapter.findLive;
      return find ? guarded(kind, () => find()) : null;
    },
    async liveComments(kind, liveId, since) {
      const adapter = requireSending(kind);
      const read = adapter.liveComments;
      return read ? guarded(kind, () => read(liveId, since)) : [];
    },
    resume() {
      for (const kind of wanted) {
        const session = readSecret(options.channelsDir, options.secretBox, kind);
        if (session === null && kind !== 'demo') {
          setState(kind, { status: 'needs_auth', detail: 'The saved session is gone; connect again.' });
          continue;
        }
        setState(kind, { status: 'connecting' });
        void guarded(kind, () => adapterFor(kind).connect(null, session), true).catch(() => undefined);
      }
    },
    async close() {
      isClosed = true;
      for (const timer of pollTimers.values()) clearInterval(timer);
      pollTimers.clear();
      // Leaves sessions in place (unlike disconnect): the next start picks them up again.
      await Promise.all([...adapters.values()].map((adapter) => adapter.disconnect(false).catch(() => undefined)));
      adapters.clear();
    },
  };
};
