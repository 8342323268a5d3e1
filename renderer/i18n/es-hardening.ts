/** Spanish texts of the browser choice for WhatsApp and of the browser session; merged into es.ts. */
export const esHardening = {
  'browser.auto': "Buscar uno solo (recomendado)",
  'browser.found': "{name} — {path}",
  'browser.saved': "Elegido antes — {path}",
  'browser.choose': "Elegir…",
  'browser.help': "Solo Chrome, Chromium o Edge que Chasqui encontró en esta computadora. En la app de escritorio también puedes elegir otro con «Elegir…».",
  'browser.noneFound': "Chasqui no encontró Chrome, Chromium ni Edge en los lugares de siempre.",
  'browser.notBrowser': "Ese archivo no es Chrome, Chromium ni Edge; Chasqui no lo usará.",
};
