import { redact } from './channels/redact';

/**
 * Channel libraries (puppeteer under whatsapp-web.js, request under instagram-private-api) can
 * reject outside any call of ours. That must be logged and shown on the channel card, never end
 * the app with the seller's work in it. Installed by both shells, once.
 */
export const installSafetyNet = (log: (line: string) => void = (line) => console.error(line)): void => {
  process.on('unhandledRejection', (reason) => {
    log(`[chasqui] a background task failed: ${redact(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason))}`);
  });
};
