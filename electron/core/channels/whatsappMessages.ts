/** The fields of a whatsapp-web.js Message that Chasqui reads. */
export interface WaMessageLike {
  id: { _serialized: string };
  fromMe: boolean;
  from: string;
  to: string;
  body: string;
  type: string;
  timestamp: number;
  hasMedia: boolean;
  isStatus?: boolean;
  _data?: { notifyName?: string; filename?: string };
}

/** Only one-to-one chats are customers; groups, Status, channels and broadcasts are not. */
export const isCustomerChat = (chatId: string): boolean => /@(c\.us|lid|s\.whatsapp\.net)$/.test(chatId);

const labels: Record<string, (m: WaMessageLike) => string> = {
  chat: (m) => m.body,
  image: (m) => m.body || '📷',
  video: (m) => `🎬 ${m.body}`.trim(),
  ptt: () => '🎤 Nota de voz',
  audio: () => '🎤 Audio',
  sticker: () => '🌟 Sticker',
  location: () => '📍 Ubicación',
  vcard: () => '👤 Contacto',
  document: (m) => `📄 ${m._data?.filename ?? m.body}`.trim(),
};

/** What the seller sees for a message, or null for what is not a message to her (notifications, revoked). */
export const messageText = (m: WaMessageLike): string | null => labels[m.type]?.(m) ?? null;

/** The number behind a chat id, when the id is a phone (…@c.us); LID ids hide it. */
export const phoneOfChat = (chatId: string): string | null => {
  const match = /^(\d{6,15})@(c\.us|s\.whatsapp\.net)$/.exec(chatId);
  return match?.[1] ?? null;
};
