import type { esHardening } from './es-hardening';

/** English texts of the browser choice for WhatsApp and of the browser session; merged into en.ts. */
export const enHardening: Record<keyof typeof esHardening, string> = {
  'browser.auto': "Find one (recommended)",
  'browser.found': "{name} — {path}",
  'browser.saved': "Chosen before — {path}",
  'browser.choose': "Choose…",
  'browser.help': "Only a Chrome, Chromium or Edge that Chasqui found on this computer. In the desktop app you can also pick another with “Choose…”.",
  'browser.noneFound': "Chasqui did not find Chrome, Chromium or Edge in the usual places.",
  'browser.notBrowser': "That file is not Chrome, Chromium or Edge; Chasqui will not use it.",
};
