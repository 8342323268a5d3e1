// whatsapp-web.js types Message as an interface; the class itself is what turns raw WhatsApp Web data into one.
declare module 'whatsapp-web.js/src/structures/Message' {
  import type { WaMessage } from '../../electron/core/channels/whatsapp';
  const Message: new (client: unknown, data: unknown) => WaMessage;
  export = Message;
}
