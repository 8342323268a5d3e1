/** Spanish texts of Ajustes › Celular de reparto (phones' last use and expiry); merged into es.ts. */
export const esLan = {
  'lan.phone': 'Celular',
  'lan.lastUse': 'Último uso',
  'lan.state': 'Acceso',
  'lan.neverUsed': 'Aún no se usó',
  'lan.expiresOn': 'hasta el {date}; cada uso lo renueva',
  'lan.expired': 'venció: no se usó en 30 días',
  'lan.expiryHelp': 'Un celular que no se usa en 30 días pierde el acceso; para volver a usarlo, conéctalo con un código nuevo.',
};
