import path from 'node:path';
import type { IgApiClient } from 'instagram-private-api';
import { ChannelError, type AdapterFactory, type InboundMessage, type LiveComment } from './adapter';
import { instagramAppVersion } from './instagramApp';
import { photoAs } from './photoFormat';
import { itemText, type IgThread } from './instagramItems';
import { createSentPhotoIds } from './sentPhotoIds';

export interface InstagramOptions {
  createClient?: () => IgApiClient;
  /** Photo bytes from Instagram's CDN; fetch by default. */
  fetchImage?: (url: string) => Promise<Buffer>;
}

interface SavedSession {
  username: string;
  state: Record<string, unknown>;
}

const isSavedSession = (value: unknown): value is SavedSession =>
  typeof value === 'object' && value !== null && 'username' in value && typeof value.username === 'string' && 'state' in value && typeof value.state === 'object';

const bodyOf = (error: { response?: { body?: unknown } }): Record<string, unknown> => {
  const body: unknown = error.response?.body;
  return typeof body === 'object' && body !== null ? { ...body } : {};
};

type IgLibrary = typeof import('instagram-private-api');

/** Loaded when Instagram is first connected, so a start without Instagram does not pay for it. */
const loadLibrary = async (): Promise<IgLibrary> => {
  const imported = await import('instagram-private-api');
  return { ...imported };
};

/** Instagram's ways of saying no, in the seller's terms; a block or a limit pauses the channel. */
export const instagramFailure = (lib: IgLibrary, error: unknown): ChannelError => {
  const {
    IgActionSpamError,
    IgChallengeWrongCodeError,
    IgCheckpointError,
    IgInactiveUserError,
    IgLoginBadPasswordError,
    IgLoginInvalidUserError,
    IgLoginRequiredError,
    IgNetworkError,
    IgResponseError,
    IgSentryBlockError,
    IgUserHasLoggedOutError,
  } = lib;
  if (error instanceof ChannelError) return error;
  if (error instanceof IgLoginBadPasswordError || error instanceof IgLoginInvalidUserError) return new ChannelError('auth_failed', 'Instagram says the username or password is wrong.');
  if (error instanceof IgChallengeWrongCodeError) return new ChannelError('auth_failed', 'Instagram did not accept that code.');
  if (error instanceof IgCheckpointError) return new ChannelError('needs_auth', 'Instagram wants to confirm it is you (a security check). Connect again to enter the code.');
  if (error instanceof IgLoginRequiredError || error instanceof IgUserHasLoggedOutError) return new ChannelError('needs_auth', 'Instagram closed the session. Connect again.');
  if (error instanceof IgActionSpamError || error instanceof IgSentryBlockError || error instanceof IgInactiveUserError) {
    return new ChannelError('blocked', 'Instagram blocked this action for now (it looks like spam to them). Chasqui stopped sending; wait a day before trying again.');
  }
  if (error instanceof IgNetworkError) return new ChannelError('offline', 'Instagram cannot be reached. Check the internet connection.');
  if (error instanceof IgResponseError) {
    const body = bodyOf(error);
    const message = typeof body.message === 'string' ? body.message : '';
    if (body.feedback_required === true || message === 'feedback_required') return new ChannelError('blocked', 'Instagram limited this account for now (feedback required). Chasqui stopped sending.');
    if (error.response.statusCode === 429 || /wait a few minutes/i.test(message)) return new ChannelError('rate_limited', 'Instagram asked to slow down. Chasqui waits before trying again.');
    if (error.response.statusCode >= 500) return new ChannelError('offline', 'Instagram is having trouble right now.');
    return new ChannelError('error', `Instagram refused: ${message || error.response.statusCode}`);
  }
  return new ChannelError('error', error instanceof Error ? error.message : 'Instagram failed');
};

/** One comment of a live, as Instagram's get_comment returns it. */
const liveCommentOf = (value: unknown): LiveComment | null => {
  if (typeof value !== 'object' || value === null || !('pk' in value) || !('text' in value) || !('user' in value) || !('created_at' in value)) return null;
  const user = value.user;
  if (typeof user !== 'object' || user === null || !('username' in user)) return null;
  return {
    externalId: String(value.pk),
    handle: String(user.username),
    name: 'full_name' in user ? String(user.full_name) : '',
    text: String(value.text),
    at: Number(value.created_at) * 1000,
  };
};

/** Instagram through instagram-private-api: login with 2FA or a security check, DMs polled, replies and posts. */
export const createInstagramAdapter =
  (options: InstagramOptions = {}): AdapterFactory =>
  (hooks, env) => {
    const channelsDir = path.dirname(env.sessionDir);
    const fetchImage = options.fetchImage ?? (async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer()));
    let ig: IgApiClient | null = null;
    const sentPhotoIds = createSentPhotoIds();
    let lib: IgLibrary | null = null;
    const library = async (): Promise<IgLibrary> => (lib ??= await loadLibrary());
    const failure = (error: unknown): ChannelError =>
      lib ? instagramFailure(lib, error) : new ChannelError('error', error instanceof Error ? error.message : 'Instagram failed');
    let username = '';
    let selfPk = '';
    let pending: { kind: 'two_factor'; identifier: string; method: string } | { kind: 'challenge' } | null = null;

    const persist = async (client: IgApiClient): Promise<void> => {
      // The library's constants are ours to set (instagramApp.ts), not part of the session.
      const { constants: _constants, ...state }: Record<string, unknown> = await client.state.serialize();
      hooks.saveSession({ username, state } satisfies SavedSession);
    };

    const newClient = async (seed: string): Promise<IgApiClient> => {
      const { IgApiClient: Client } = await library();
      const client = (options.createClient ?? (() => new Client()))();
      client.state.generateDevice(seed);
      // The library types its constants as literals; ours replace them on purpose.
      Object.assign(client.state, { constants: { ...client.state.constants, ...instagramAppVersion(channelsDir) } });
      // Keep cookies fresh after every request: a new login is what gets accounts flagged.
      client.request.end$.subscribe(() => void persist(client).catch(() => undefined));
      return client;
    };

    const finishLogin = async (client: IgApiClient, known?: { username: string; pk: number | string }): Promise<void> => {
      const me = known ?? (await client.account.currentUser());
      username = me.username;
      selfPk = String(me.pk);
      pending = null;
      await persist(client);
      hooks.onStatus({ status: 'ready', account: `@${me.username}`, detail: '', prompt: null });
    };

    const client = (): IgApiClient => ig ?? ((): never => { throw new ChannelError('needs_auth', 'Instagram is not connected.'); })();

    /** A thread's messages, oldest first, with their photos fetched. */
    const threadMessages = async (thread: IgThread): Promise<InboundMessage[]> => {
      const messages: InboundMessage[] = [];
      const viewer = String(thread.viewer_id);
      const users = new Map(thread.users.map((u) => [String(u.pk), u]));
      const customer = thread.users[0];
      for (const item of [...thread.items].reverse()) {
        const isMine = String(item.user_id) === viewer;
        if (isMine && sentPhotoIds.has(String(item.item_id))) continue;
        const author = isMine ? username : users.get(String(item.user_id));
        const { text, imageUrl } = itemText(item);
        const photos: InboundMessage['photos'] = [];
        if (imageUrl && !isMine) {
          try {
            photos.push({ bytes: await fetchImage(imageUrl), fileName: `instagram-${item.item_id}.jpg` });
          } catch {
            // The text still arrives; the photo stays on Instagram.
          }
        }
        messages.push({
          channel: 'instagram',
          conversationExternalId: thread.thread_id,
          messageExternalId: item.item_id,
          direction: isMine ? 'out' : 'in',
          author: typeof author === 'string' ? author : (author?.full_name || author?.username || ''),
          senderExternalId: isMine ? '' : (typeof author === 'string' ? '' : (author?.username ?? customer?.username ?? '')),
          text,
          sentAt: Math.round(Number(item.timestamp) / 1000),
          photos,
        });
      }
      return messages;
    };

    return {
      async connect(input, session) {
        const wanted = input?.kind === 'instagram' ? input : null;
        if (isSavedSession(session) && (wanted === null || wanted.username === session.username)) {
          username = session.username;
          const restored = await newClient(session.username);
          await restored.state.deserialize(session.state);
          ig = restored;
          try {
            await finishLogin(restored);
            return;
          } catch (error) {
            // A saved session that no longer works: log in again only if the seller just typed her password.
            if (wanted === null) throw failure(error);
          }
        }
        if (wanted === null) throw new ChannelError('needs_auth', 'Instagram needs your username and password once.');
        username = wanted.username;
        const fresh = await newClient(wanted.username);
        ig = fresh;
        try {
          await finishLogin(fresh, await fresh.account.login(wanted.username, wanted.password));
        } catch (error) {
          if (error instanceof (await library()).IgLoginTwoFactorRequiredError) {
            const info = error.response.body.two_factor_info;
            const isApp = info.totp_two_factor_on;
            pending = { kind: 'two_factor', identifier: info.two_factor_identifier, method: isApp ? '0' : '1' };
            hooks.onStatus({
              status: 'needs_auth',
              detail: '',
              prompt: { kind: 'two_factor', data: isApp ? 'app' : `sms:${info.obfuscated_phone_number ?? ''}` },
            });
            return;
          }
          if (error instanceof (await library()).IgCheckpointError) {
            await fresh.challenge.auto(true);
            pending = { kind: 'challenge' };
            hooks.onStatus({ status: 'needs_auth', detail: '', prompt: { kind: 'challenge', data: 'Instagram sent a security code by SMS or email.' } });
            return;
          }
          throw failure(error);
        }
      },
      async answerPrompt(answer) {
        const current = client();
        try {
          if (pending?.kind === 'two_factor') {
            await current.account.twoFactorLogin({
              username,
              verificationCode: answer,
              twoFactorIdentifier: pending.identifier,
              verificationMethod: pending.method,
              trustThisDevice: '1',
            });
            await finishLogin(current);
          } else if (pending?.kind === 'challenge') {
            await current.challenge.sendSecurityCode(answer);
            await finishLogin(current);
          }
        } catch (error) {
          throw failure(error);
        }
      },
      async disconnect(isWipe) {
        if (isWipe && ig) await ig.account.logout().catch(() => undefined);
        ig = null;
        pending = null;
      },
      async poll() {
        const current = client();
        try {
          const messages: InboundMessage[] = [];
          for (const thread of await current.feed.directInbox().items()) messages.push(...(await threadMessages(thread)));
          // Message requests from people she does not follow: often the first message of a new customer.
          for (const thread of await current.feed.directPending().items()) messages.push(...(await threadMessages(thread)));
          // The whole sync goes in together: one transaction per batch, not one per message.
          const results = await hooks.onMessages(messages);
          return results.filter((result) => result.isNew).length;
        } catch (error) {
          throw failure(error);
        }
      },
      async sendDirect(to, text) {
        try {
          const sent = await client().entity.directThread(to).broadcastText(text);
          const payload = sent && 'item_id' in sent ? sent : { item_id: undefined, timestamp: undefined };
          return { externalId: payload.item_id ?? `ig-${env.now()}`, sentAt: payload.timestamp ? Math.round(Number(payload.timestamp) / 1000) : env.now() };
        } catch (error) {
          throw failure(error);
        }
      },
      async sendPhoto(to, photo, caption) {
        try {
          const thread = client().entity.directThread(to);
          // Instagram's photo upload (rupload_igphoto) takes JPEG only.
          const jpeg = await photoAs(photo, ['image/jpeg']);
          // A direct photo carries no caption: the photo goes first (an upload is what fails most, and then nothing went out),
          // the text after it as its own message, the one Chasqui records.
          const sent = await thread.broadcastPhoto({ file: jpeg.bytes });
          const said = caption ? await thread.broadcastText(caption) : null;
          if (said && sent && 'item_id' in sent && sent.item_id) sentPhotoIds.add(String(sent.item_id));
          const payload = [said, sent].map((s) => (s && 'item_id' in s ? s : null)).find((s) => s !== null);
          return { externalId: payload?.item_id ?? `ig-${env.now()}`, sentAt: payload?.timestamp ? Math.round(Number(payload.timestamp) / 1000) : env.now() };
        } catch (error) {
          throw failure(error);
        }
      },
      async publish(post) {
        if (!post.image) throw new ChannelError('error', 'Instagram posts need a photo.');
        try {
          const current = client();
          const result = post.kind === 'story' ? await current.publish.story({ file: post.image }) : await current.publish.photo({ file: post.image, caption: post.text });
          return { externalId: String(result.media?.id ?? result.media?.pk ?? '') };
        } catch (error) {
          throw failure(error);
        }
      },
      async findLive() {
        try {
          const { body }: { body: unknown } = await client().request.send({ url: `/api/v1/feed/user/${selfPk}/story/` });
          const broadcast = typeof body === 'object' && body !== null && 'broadcast' in body ? body.broadcast : null;
          return typeof broadcast === 'object' && broadcast !== null && 'id' in broadcast ? String(broadcast.id) : null;
        } catch (error) {
          throw failure(error);
        }
      },
      async liveComments(broadcastId, since) {
        try {
          const body: unknown = await client().live.getComment({ broadcastId, commentsRequested: 50, lastCommentTs: Math.floor(since / 1000) });
          const comments = typeof body === 'object' && body !== null && 'comments' in body && Array.isArray(body.comments) ? body.comments : [];
          return comments.flatMap((c: unknown) => {
            const comment = liveCommentOf(c);
            return comment ? [comment] : [];
          });
        } catch (error) {
          throw failure(error);
        }
      },
      async recentOutgoing(to) {
        try {
          const current = client();
          const items = await current.feed.directThread({ thread_id: to, oldest_cursor: '' }).items();
          return items.filter((item) => String(item.user_id) === selfPk).map((item) => ({ text: itemText(item).text, at: Math.round(Number(item.timestamp) / 1000) }));
        } catch (error) {
          throw failure(error);
        }
      },
    };
  };
