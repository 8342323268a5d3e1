import { ChannelError, type AdapterFactory, type InboundMessage, type OutgoingPhoto } from './adapter';
import { photoAs } from './photoFormat';
import { createSentPhotoIds } from './sentPhotoIds';

/** The one place the Graph API version is set; Meta retires old versions about two years after release. */
export const GRAPH_VERSION = 'v23.0';
const GRAPH_URL = `https://graph.facebook.com/${GRAPH_VERSION}`;

export interface FacebookOptions {
  fetch?: typeof fetch;
}

interface PageSession {
  pageId: string;
  pageName: string;
  pageToken: string;
}

interface GraphError {
  code?: number;
  error_subcode?: number;
  message?: string;
}

const isPageSession = (value: unknown): value is PageSession =>
  typeof value === 'object' && value !== null && 'pageId' in value && 'pageToken' in value && typeof value.pageToken === 'string';

/** Graph error codes, in the seller's terms (https://developers.facebook.com/docs/graph-api/guides/error-handling). */
export const graphFailure = (error: GraphError): ChannelError => {
  const code = error.code ?? 0;
  const subcode = error.error_subcode ?? 0;
  if (code === 190 || code === 102 || code === 463 || code === 467) return new ChannelError('needs_auth', 'Facebook closed the session (the token expired or was revoked). Connect the Page again.');
  if (code === 368) return new ChannelError('blocked', 'Facebook blocked this action for a while (a policy limit). Chasqui stopped sending from the Page.');
  if ([4, 17, 32, 613, 80001, 80006].includes(code)) return new ChannelError('rate_limited', 'Facebook asked to slow down. Chasqui waits before trying again.');
  if (code === 10 && (subcode === 2018278 || subcode === 2018108)) return new ChannelError('reply_window_closed', 'Messenger allows replies only within 24 hours of the customer\'s last message.');
  if (code === 200 || code === 10) return new ChannelError('auth_failed', 'The token does not allow this. It needs the pages_messaging and pages_manage_posts permissions.');
  return new ChannelError('error', `Facebook refused: ${error.message ?? `error ${code}`}`);
};

interface GraphMessage {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name?: string };
  attachments?: { data?: { image_data?: { url?: string }; mime_type?: string; name?: string }[] };
}

interface GraphConversation {
  id: string;
  participants?: { data: { id: string; name?: string }[] };
  messages?: { data: GraphMessage[] };
}

/** Image formats Messenger's Send API takes as an upload (https://developers.facebook.com/docs/messenger-platform/send-messages). */
const MESSENGER_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;

/**
 * A file uploaded with the message itself (multipart, the file under "filedata"): Chasqui has no
 * public URL for Meta to fetch a photo from, and the upload needs none.
 */
const attachmentForm = (to: string, type: 'image' | 'file', file: OutgoingPhoto): FormData => {
  const form = new FormData();
  form.set('recipient', JSON.stringify({ id: to }));
  form.set('messaging_type', 'RESPONSE');
  form.set('message', JSON.stringify({ attachment: { type, payload: { is_reusable: false } } }));
  form.set('filedata', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.fileName);
  return form;
};

/** A Facebook Page through the Graph API over fetch: Messenger conversations (polled), replies, Page posts. */
export const createFacebookAdapter =
  (options: FacebookOptions = {}): AdapterFactory =>
  (hooks, env) => {
    const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    let page: PageSession | null = null;
    const sentPhotoIds = createSentPhotoIds();
    let choices: { id: string; name: string; access_token: string }[] = [];

    const graph = async <T>(method: 'GET' | 'POST', pathAndQuery: string, token: string, body?: Record<string, unknown> | FormData): Promise<T> => {
      const url = new URL(`${GRAPH_URL}${pathAndQuery}`);
      let response: Response;
      try {
        response = await doFetch(url, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body instanceof FormData || !body ? {} : { 'content-type': 'application/json' }) },
          body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
        });
      } catch {
        throw new ChannelError('offline', 'Facebook cannot be reached. Check the internet connection.');
      }
      const json: unknown = await response.json().catch(() => ({}));
      if (typeof json === 'object' && json !== null && 'error' in json && typeof json.error === 'object' && json.error !== null) {
        throw graphFailure(json.error);
      }
      if (!response.ok) throw response.status >= 500 ? new ChannelError('offline', 'Facebook is having trouble right now.') : graphFailure({ code: response.status });
      // Shapes are Graph's documented ones; each caller reads only the fields it asked for.
      return json as T;
    };

    const usePage = (chosen: PageSession): void => {
      page = chosen;
      choices = [];
      hooks.saveSession(chosen);
      hooks.onStatus({ status: 'ready', account: chosen.pageName, detail: '', prompt: null });
    };

    const current = (): PageSession => page ?? ((): never => { throw new ChannelError('needs_auth', 'No Facebook Page is connected.'); })();

    const fetchPhoto = async (url: string): Promise<Buffer | null> => {
      try {
        const response = await doFetch(url);
        return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
      } catch {
        return null;
      }
    };

    return {
      async connect(input, session) {
        if (input?.kind !== 'facebook') {
          if (!isPageSession(session)) throw new ChannelError('needs_auth', 'Paste a Page token to connect Facebook.');
          const me = await graph<{ id: string; name: string }>('GET', '/me?fields=id,name', session.pageToken);
          usePage({ ...session, pageName: me.name });
          return;
        }
        const token = input.pageToken;
        // A user token lists the Pages it manages; a Page token is the Page itself.
        const accounts = await graph<{ data?: { id: string; name: string; access_token: string }[] }>('GET', '/me/accounts?fields=id,name,access_token', token).catch(
          (error: unknown) => {
            if (error instanceof ChannelError && error.failure === 'needs_auth') throw error;
            return { data: [] };
          },
        );
        const pages = accounts.data ?? [];
        if (pages.length === 0) {
          const me = await graph<{ id: string; name: string }>('GET', '/me?fields=id,name', token);
          usePage({ pageId: me.id, pageName: me.name, pageToken: token });
        } else if (pages.length === 1 && pages[0]) {
          usePage({ pageId: pages[0].id, pageName: pages[0].name, pageToken: pages[0].access_token });
        } else {
          choices = pages;
          hooks.onStatus({ status: 'needs_auth', detail: '', prompt: { kind: 'pick_page', data: '', options: pages.map((p) => ({ id: p.id, name: p.name })) } });
        }
      },
      async answerPrompt(answer) {
        const chosen = choices.find((p) => p.id === answer);
        if (!chosen) throw new ChannelError('auth_failed', 'That Page is not one of the choices.');
        usePage({ pageId: chosen.id, pageName: chosen.name, pageToken: chosen.access_token });
      },
      async disconnect() {
        page = null;
        choices = [];
      },
      async poll() {
        const { pageId, pageToken } = current();
        const fields = 'participants,updated_time,messages.limit(25){id,message,created_time,from,attachments{image_data,mime_type,name}}';
        const result = await graph<{ data?: GraphConversation[] }>('GET', `/${pageId}/conversations?platform=messenger&limit=25&fields=${encodeURIComponent(fields)}`, pageToken);
        const messages: InboundMessage[] = [];
        for (const conversation of result.data ?? []) {
          const customer = conversation.participants?.data.find((p) => p.id !== pageId);
          if (!customer) continue;
          for (const message of [...(conversation.messages?.data ?? [])].reverse()) {
            const isMine = message.from?.id === pageId;
            if (isMine && sentPhotoIds.has(message.id)) continue;
            const photos: InboundMessage['photos'] = [];
            for (const attachment of message.attachments?.data ?? []) {
              const url = attachment.image_data?.url;
              const bytes = url && !isMine ? await fetchPhoto(url) : null;
              if (bytes) photos.push({ bytes, fileName: attachment.name ?? `facebook-${message.id}.jpg` });
            }
            messages.push({
              channel: 'facebook',
              // The customer's page-scoped id: what a reply is addressed to.
              conversationExternalId: customer.id,
              messageExternalId: message.id,
              direction: isMine ? 'out' : 'in',
              author: isMine ? current().pageName : (customer.name ?? ''),
              senderExternalId: isMine ? '' : customer.id,
              text: message.message ?? (photos.length > 0 ? '📷' : ''),
              sentAt: Date.parse(message.created_time),
              photos,
            });
          }
        }
        // The whole sync goes in together: one transaction per batch, not one per message.
        const results = await hooks.onMessages(messages);
        return results.filter((entry) => entry.isNew).length;
      },
      async sendDirect(to, text) {
        const { pageId, pageToken } = current();
        const sent = await graph<{ message_id: string }>('POST', `/${pageId}/messages`, pageToken, {
          recipient: { id: to },
          message: { text },
          messaging_type: 'RESPONSE',
        });
        return { externalId: sent.message_id, sentAt: env.now() };
      },
      async sendPhoto(to, photo, caption) {
        const { pageId, pageToken } = current();
        // A Messenger attachment carries no text: the photo goes first (an upload is what fails most, and then nothing went out),
        // the caption after it as its own message, the one Chasqui records.
        const image = await photoAs(photo, MESSENGER_IMAGE_TYPES);
        const sent = await graph<{ message_id: string }>('POST', `/${pageId}/messages`, pageToken, attachmentForm(to, 'image', image));
        const said = caption ? await graph<{ message_id: string }>('POST', `/${pageId}/messages`, pageToken, { recipient: { id: to }, message: { text: caption }, messaging_type: 'RESPONSE' }) : null;
        if (said) sentPhotoIds.add(sent.message_id);
        return { externalId: said?.message_id ?? sent.message_id, sentAt: env.now() };
      },
      async sendFile(to, file, caption) {
        const { pageId, pageToken } = current();
        const sent = await graph<{ message_id: string }>('POST', `/${pageId}/messages`, pageToken, attachmentForm(to, 'file', file));
        const said = caption ? await graph<{ message_id: string }>('POST', `/${pageId}/messages`, pageToken, { recipient: { id: to }, message: { text: caption }, messaging_type: 'RESPONSE' }) : null;
        if (said) sentPhotoIds.add(sent.message_id);
        return { externalId: said?.message_id ?? sent.message_id, sentAt: env.now() };
      },
      async publish(post) {
        const { pageId, pageToken } = current();
        const schedule = post.publishAt && post.publishAt > env.now() + 10 * 60_000 ? { published: false, scheduled_publish_time: Math.round(post.publishAt / 1000) } : {};
        if (post.image) {
          const form = new FormData();
          form.set('source', new Blob([new Uint8Array(post.image)], { type: 'image/jpeg' }), 'promo.jpg');
          form.set('message', post.text);
          for (const [key, value] of Object.entries(schedule)) form.set(key, String(value));
          const result = await graph<{ id: string; post_id?: string }>('POST', `/${pageId}/photos`, pageToken, form);
          return { externalId: result.post_id ?? result.id };
        }
        const result = await graph<{ id: string }>('POST', `/${pageId}/feed`, pageToken, { message: post.text, ...schedule });
        return { externalId: result.id };
      },
      async findLive() {
        const { pageId, pageToken } = current();
        const result = await graph<{ data?: { id: string }[] }>('GET', `/${pageId}/live_videos?broadcast_status=${encodeURIComponent('["LIVE"]')}&fields=id,title`, pageToken);
        return result.data?.[0]?.id ?? null;
      },
      async liveComments(liveId, since) {
        const { pageToken } = current();
        const fields = 'id,message,from{id,name},created_time';
        const result = await graph<{ data?: { id: string; message?: string; from?: { id: string; name?: string }; created_time: string }[] }>(
          'GET',
          `/${liveId}/comments?order=chronological&live_filter=no_filter&limit=100&fields=${encodeURIComponent(fields)}${since ? `&since=${Math.floor(since / 1000)}` : ''}`,
          pageToken,
        );
        // Without "from" (a viewer's privacy), a comment cannot be tied to a customer.
        return (result.data ?? []).flatMap((c) => (c.from && c.message ? [{ externalId: c.id, handle: c.from.id, name: c.from.name ?? '', text: c.message, at: Date.parse(c.created_time) }] : []));
      },
      async recentOutgoing(to) {
        const { pageId, pageToken } = current();
        const result = await graph<{ data?: GraphConversation[] }>('GET', `/${pageId}/conversations?platform=messenger&user_id=${encodeURIComponent(to)}&fields=messages.limit(20){message,from,created_time}`, pageToken);
        return (result.data ?? []).flatMap((c) => (c.messages?.data ?? []).filter((m) => m.from?.id === pageId).map((m) => ({ text: m.message ?? '', at: Date.parse(m.created_time) })));
      },
    };
  };
