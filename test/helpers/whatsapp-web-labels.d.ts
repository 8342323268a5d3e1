// whatsapp-web.js types Chat and Label as interfaces; the classes are what build them from WhatsApp Web's data.
declare module 'whatsapp-web.js/src/structures/Chat' {
  import type { WaChat } from '../../electron/core/channels/whatsapp';
  const Chat: new (client: unknown, data: unknown) => WaChat & { id: { _serialized: string } };
  export = Chat;
}
declare module 'whatsapp-web.js/src/structures/Label' {
  import type { WaLabel } from '../../electron/core/channels/whatsapp';
  const Label: new (client: unknown, data: unknown) => WaLabel;
  export = Label;
}
