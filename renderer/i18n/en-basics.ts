import type { MessageKey } from './es';

/** English texts of the welcome, the palette and formats; merged into en.ts. */
export const enBasics = {
  'settings.localeFromLanguage': "Same as the language",
  'welcome.demoCommand': "In the browser, the demo opens on its own with this command (your data is not touched):",
  'welcome.copy': "Copy",
  'welcome.copied': "Copied",
  'editor.currentStock': "Current stock",
  'editor.currentStockHelp': "To change it, use the Stock button: that way every movement is recorded.",
} satisfies Partial<Record<MessageKey, string>>;
