/** Spanish texts of the welcome, the palette and formats; merged into es.ts. */
export const esBasics = {
  // Not "igual que el idioma": the option's words are part of the select's label, and "Idioma" must name only the language select.
  'settings.localeFromLanguage': "Automático (como los textos de Chasqui)",
  'welcome.demoCommand': "En el navegador, la demostración se abre aparte, con este comando (tus datos no se tocan):",
  'welcome.copy': "Copiar",
  'welcome.copied': "Copiado",
  'editor.currentStock': "Stock actual",
  'editor.currentStockHelp': "Para cambiarlo, usa el botón Stock: así queda registrado cada movimiento.",
  'channels.facebook.techSummary': "Pasos técnicos (para quien te ayuda)",
  'channels.facebook.techSteps': "En Meta for Developers, abre el Explorador de la API Graph, elige la página y genera un token de acceso de la página con los permisos pages_messaging, pages_manage_posts, pages_read_engagement y pages_show_list (también sirve un token de usuario: Chasqui pregunta luego qué página usar). Meta Business Suite también da tokens de página. Con el ID de una app de Meta en Ajustes, la app de escritorio abre el inicio de sesión de Facebook y no hace falta pegar nada.",
} as const;
