/** Spanish texts of the welcome, the palette and formats; merged into es.ts. */
export const esBasics = {
  'settings.localeFromLanguage': "Igual que el idioma",
  'welcome.demoCommand': "En el navegador, la demostración se abre aparte, con este comando (tus datos no se tocan):",
  'welcome.copy': "Copiar",
  'welcome.copied': "Copiado",
  'editor.currentStock': "Stock actual",
  'editor.currentStockHelp': "Para cambiarlo, usa el botón Stock: así queda registrado cada movimiento.",
} as const;
