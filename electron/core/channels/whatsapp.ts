import type { ClientOptions, MessageMedia } from 'whatsapp-web.js';
import { ChannelError, type AdapterFactory, type InboundMessage } from './adapter';
import { findBrowser } from './browser';
import { makePrivateDir } from '../privateFiles';
import { isCustomerChat, messageText, phoneOfChat, type WaMessageLike } from './whatsappMessages';

export interface WaMessage extends WaMessageLike {
  downloadMedia(): Promise<{ data: string; mimetype: string; filename?: string | null } | undefined>;
  getContact(): Promise<{ number?: string; pushname?: string }>;
}

/** A WhatsApp Business label as whatsapp-web.js hands it (its Label structure). */
export interface WaLabel {
  id: string;
  name: string;
  hexColor: string;
  getChats(): Promise<{ id: { _serialized: string } }[]>;
}

/** The part of a whatsapp-web.js Chat Chasqui uses. */
export interface WaChat {
  fetchMessages(options: { limit: number; fromMe?: boolean }): Promise<WaMessageLike[]>;
  /** WhatsApp Business only. */
  getLabels?(): Promise<{ id: string }[]>;
  changeLabels?(labelIds: string[]): Promise<void>;
}

/** The part of whatsapp-web.js's Client Chasqui uses; tests hand in a fake that emits real Message objects. */
export interface WaClient {
  info?: { wid: { user: string } };
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  sendMessage(chatId: string, content: string | MessageMedia, options?: { caption?: string; sendMediaAsDocument?: boolean }): Promise<WaMessageLike>;
  getChatById(chatId: string): Promise<WaChat>;
  /** WhatsApp Business labels; a personal account has none (or the call fails). */
  getLabels?(): Promise<WaLabel[]>;
  on(event: 'qr' | 'code' | 'auth_failure' | 'disconnected' | 'change_state', listener: (value: string) => void): unknown;
  on(event: 'ready' | 'authenticated', listener: () => void): unknown;
  on(event: 'message' | 'message_create', listener: (message: WaMessage) => void): unknown;
}

export interface WhatsAppOptions {
  createClient?: (options: ClientOptions) => WaClient;
  /** Backoff before reconnecting after a dropped connection. */
  reconnectDelaysMs?: number[];
}

/** Loaded when WhatsApp is first connected, so a start without WhatsApp does not pay for puppeteer. */
const loadLibrary = async () => {
  const imported = await import('whatsapp-web.js');
  return imported.default ?? imported;
};

/** WhatsApp through whatsapp-web.js in a browser already on the computer: QR or phone-number pairing, live messages, replies, Status. */
export const createWhatsAppAdapter =
  (options: WhatsAppOptions = {}): AdapterFactory =>
  (hooks, env) => {
    const delays = options.reconnectDelaysMs ?? [5_000, 15_000, 60_000, 300_000];
    let client: WaClient | null = null;
    let isReady = false;
    let isStopped = false;
    let attempt = 0;
    let retryTimer: NodeJS.Timeout | null = null;
    let lastInput: { method: 'qr' | 'phone'; phone: string } = { method: 'qr', phone: '' };

    const toInbound = async (message: WaMessage): Promise<InboundMessage | null> => {
      const chatId = message.fromMe ? message.to : message.from;
      const text = messageText(message);
      if (message.isStatus || !isCustomerChat(chatId) || text === null) return null;
      let sender = phoneOfChat(chatId);
      let name = message._data?.notifyName ?? '';
      if (!message.fromMe && sender === null) {
        // A LID chat hides the number; the contact may still know it.
        const contact = await message.getContact().catch(() => null);
        sender = contact?.number || null;
        name = name || contact?.pushname || '';
      }
      const photos: InboundMessage['photos'] = [];
      if (message.hasMedia && message.type === 'image' && !message.fromMe) {
        const media = await message.downloadMedia().catch(() => undefined);
        if (media?.data) photos.push({ bytes: Buffer.from(media.data, 'base64'), fileName: media.filename ?? `whatsapp-${message.id._serialized}.jpg` });
      }
      return {
        channel: 'whatsapp',
        conversationExternalId: chatId,
        messageExternalId: message.id._serialized,
        direction: message.fromMe ? 'out' : 'in',
        author: message.fromMe ? env.settings().shopName : name,
        senderExternalId: message.fromMe ? '' : (sender ?? chatId),
        text,
        sentAt: message.timestamp * 1000,
        photos,
      };
    };

    const onMessage = (message: WaMessage): void => {
      void toInbound(message)
        .then((inbound) => (inbound ? hooks.onMessage(inbound) : undefined))
        .catch((error: unknown) => console.error('[chasqui] whatsapp: a message could not be read', error instanceof Error ? error.message : ''));
    };

    const start = async (): Promise<void> => {
      const browser = findBrowser(env.settings().browserPath);
      if (!browser.isFound) {
        throw new ChannelError(
          'browser_not_found',
          browser.isNotABrowser
            ? `The browser chosen in Ajustes is not Chrome, Chromium or Edge, so Chasqui will not run it: ${env.settings().browserPath}`
            : env.settings().browserPath
            ? `The browser chosen in Ajustes was not found: ${env.settings().browserPath}`
            : 'WhatsApp needs Google Chrome, Chromium or Microsoft Edge installed on this computer. Install one, or choose it in Ajustes.',
        );
      }
      const { Client, LocalAuth } = await loadLibrary();
      // LocalAuth keeps WhatsApp Web's browser profile here as plain files: only the folder's mode protects it.
      makePrivateDir(env.sessionDir);
      const next = (options.createClient ?? ((clientOptions: ClientOptions): WaClient => new Client(clientOptions)))({
        authStrategy: new LocalAuth({ clientId: 'chasqui', dataPath: env.sessionDir }),
        puppeteer: { executablePath: browser.path, headless: true, args: ['--no-first-run', '--disable-background-networking', '--disable-gpu'] },
        ...(lastInput.method === 'phone' && lastInput.phone ? { pairWithPhoneNumber: { phoneNumber: lastInput.phone.replace(/\D/g, ''), showNotification: true, intervalMs: 180_000 } } : {}),
      });
      client = next;
      isReady = false;
      next.on('qr', (qr) => {
        // The QR is drawn asynchronously; a link that already happened wins.
        void import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(qr, { margin: 1, width: 264 })).then((data) => (isReady ? undefined : hooks.onStatus({ status: 'needs_auth', detail: '', prompt: { kind: 'qr', data } })));
      });
      next.on('code', (code) => hooks.onStatus({ status: 'needs_auth', detail: '', prompt: { kind: 'pairing_code', data: code } }));
      next.on('authenticated', () => hooks.onStatus({ status: 'connecting', prompt: null }));
      next.on('ready', () => {
        isReady = true;
        attempt = 0;
        hooks.saveSession({ isLinked: true });
        hooks.onStatus({ status: 'ready', account: next.info ? `+${next.info.wid.user}` : '', detail: '', prompt: null });
      });
      next.on('auth_failure', () => hooks.onStatus({ status: 'needs_auth', detail: 'WhatsApp did not accept the link. Connect again and scan a new code.', prompt: null }));
      next.on('change_state', (state) => {
        if (state === 'CONFLICT') hooks.onStatus({ status: 'degraded', detail: 'WhatsApp Web is open on another computer; Chasqui takes it back when you close it there.' });
        if (state === 'UNPAIRED' || state === 'UNPAIRED_IDLE') hooks.onStatus({ status: 'needs_auth', detail: 'The phone unlinked this computer. Connect again.' });
      });
      next.on('disconnected', (reason) => {
        isReady = false;
        if (reason === 'LOGOUT' || reason === 'UNPAIRED') {
          hooks.onStatus({ status: 'needs_auth', detail: 'WhatsApp logged this computer out. Connect again and scan a new code.', prompt: null });
          return;
        }
        scheduleReconnect(`WhatsApp disconnected (${reason}).`);
      });
      next.on('message', onMessage);
      // The seller's own messages from her phone too, so the timeline has both sides.
      next.on('message_create', (message) => (message.fromMe ? onMessage(message) : undefined));
      await next.initialize();
    };

    const scheduleReconnect = (why: string): void => {
      if (isStopped || retryTimer) return;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 60_000;
      attempt += 1;
      hooks.onStatus({ status: 'offline', detail: `${why} Trying again in ${Math.round(delay / 1000)} s.` });
      retryTimer = setTimeout(() => {
        retryTimer = null;
        const old = client;
        client = null;
        void (old?.destroy() ?? Promise.resolve())
          .catch(() => undefined)
          .then(start)
          .catch((error: unknown) => scheduleReconnect(error instanceof Error ? error.message : 'WhatsApp could not start.'));
      }, delay);
      retryTimer.unref();
    };

    const ready = (): WaClient => {
      if (!client || !isReady) throw new ChannelError('needs_auth', 'WhatsApp is not connected.');
      return client;
    };

    return {
      async connect(input) {
        isStopped = false;
        if (input?.kind === 'whatsapp') lastInput = { method: input.method, phone: input.phone };
        if (lastInput.method === 'phone' && !/^\+?\d{8,15}$/.test(lastInput.phone.replace(/[\s-]/g, ''))) {
          throw new ChannelError('auth_failed', 'Write the full WhatsApp number with country code, e.g. +51 987 654 321.');
        }
        if (client) await client.destroy().catch(() => undefined);
        try {
          await start();
        } catch (error) {
          if (error instanceof ChannelError) throw error;
          throw new ChannelError('error', `WhatsApp could not start the browser: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      async answerPrompt() {
        // WhatsApp's prompts are answered on the phone (scan the QR, type the code).
      },
      async disconnect(isWipe) {
        isStopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        const current = client;
        client = null;
        isReady = false;
        if (!current) return;
        if (isWipe) await current.logout().catch(() => undefined);
        await current.destroy().catch(() => undefined);
      },
      async sendDirect(to, text) {
        try {
          const sent = await ready().sendMessage(to, text);
          return { externalId: sent.id._serialized, sentAt: sent.timestamp ? sent.timestamp * 1000 : env.now() };
        } catch (error) {
          if (error instanceof ChannelError) throw error;
          const message = error instanceof Error ? error.message : '';
          if (/rate|overlimit|429/i.test(message)) throw new ChannelError('rate_limited', 'WhatsApp asked to slow down.');
          if (/not.?logged|session closed|target closed|detached/i.test(message)) {
            scheduleReconnect('WhatsApp lost its connection.');
            throw new ChannelError('offline', 'WhatsApp lost its connection; the message was not sent.');
          }
          throw new ChannelError('error', `WhatsApp did not send it: ${message}`);
        }
      },
      async sendPhoto(to, photo, caption) {
        const current = ready();
        const { MessageMedia: Media } = await loadLibrary();
        try {
          const sent = await current.sendMessage(to, new Media(photo.mime, photo.bytes.toString('base64'), photo.fileName), caption ? { caption } : {});
          return { externalId: sent.id._serialized, sentAt: sent.timestamp ? sent.timestamp * 1000 : env.now() };
        } catch (error) {
          throw new ChannelError('error', `WhatsApp did not send the photo: ${error instanceof Error ? error.message : ''}`);
        }
      },
      async sendFile(to, file, caption) {
        const current = ready();
        const { MessageMedia: Media } = await loadLibrary();
        try {
          // As a document, so the customer gets the PDF itself (with its name), not a preview image.
          const sent = await current.sendMessage(to, new Media(file.mime, file.bytes.toString('base64'), file.fileName), { sendMediaAsDocument: true, ...(caption ? { caption } : {}) });
          return { externalId: sent.id._serialized, sentAt: sent.timestamp ? sent.timestamp * 1000 : env.now() };
        } catch (error) {
          throw new ChannelError('error', `WhatsApp did not send the file: ${error instanceof Error ? error.message : ''}`);
        }
      },
      async listLabels() {
        const current = ready();
        if (!current.getLabels) return [];
        // A personal (non-Business) account has no labels: whatsapp-web.js fails or returns none.
        const labels = await current.getLabels().catch(() => []);
        return Promise.all(
          labels.map(async (label) => ({
            id: String(label.id),
            name: label.name,
            color: /^#[0-9a-f]{6}$/i.test(label.hexColor) ? label.hexColor.toLowerCase() : '#546e7a',
            chatIds: (await label.getChats().catch(() => [])).map((chat) => chat.id._serialized).filter(isCustomerChat),
          })),
        );
      },
      async setChatLabels(to, labelIds, knownLabelIds) {
        const chat = await ready().getChatById(to);
        if (!chat.getLabels || !chat.changeLabels) throw new ChannelError('error', 'This WhatsApp cannot change labels (labels need WhatsApp Business).');
        // changeLabels sets the whole list: labels Chasqui does not know of stay on the chat.
        const known = new Set(knownLabelIds);
        const others = (await chat.getLabels()).map((label) => String(label.id)).filter((id) => !known.has(id));
        await chat.changeLabels([...new Set([...others, ...labelIds])]);
      },
      async publish(post) {
        const current = ready();
        const { MessageMedia: Media } = await loadLibrary();
        // WhatsApp Status reaches every contact without writing to anyone: the safe way to promote.
        const sent = post.image
          ? await current.sendMessage('status@broadcast', new Media('image/jpeg', post.image.toString('base64'), 'promo.jpg'), { caption: post.text })
          : await current.sendMessage('status@broadcast', post.text);
        return { externalId: sent.id._serialized };
      },
      async recentOutgoing(to) {
        const chat = await ready().getChatById(to);
        const messages = await chat.fetchMessages({ limit: 30, fromMe: true });
        return messages.map((m) => ({ text: m.body, at: m.timestamp * 1000 }));
      },
    };
  };
