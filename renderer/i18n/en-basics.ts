import type { MessageKey } from './es';

/** English texts of the welcome, the palette and formats; merged into en.ts. */
export const enBasics = {
  'settings.localeFromLanguage': "Automatic (like Chasqui's texts)",
  'welcome.demoCommand': "In the browser, the demo opens on its own with this command (your data is not touched):",
  'welcome.copy': "Copy",
  'welcome.copied': "Copied",
  'editor.currentStock': "Current stock",
  'editor.currentStockHelp': "To change it, use the Stock button: that way every movement is recorded.",
  'channels.facebook.techSummary': "Technical steps (for whoever helps you)",
  'channels.facebook.techSteps': "In Meta for Developers, open the Graph API Explorer, pick the Page and generate a Page access token with the pages_messaging, pages_manage_posts, pages_read_engagement and pages_show_list permissions (a user token works too: Chasqui then asks which Page to use). Meta Business Suite also gives Page tokens. With a Meta app id in Settings, the desktop app opens Facebook's own login and nothing needs pasting.",
} satisfies Partial<Record<MessageKey, string>>;
