/** Spanish texts of paged lists (catalog counts past the cap, the customer picker's pages); merged into es.ts. */
export const esSpeedRest = {
  'speedRest.catalogCountCapped_one': 'Más de {count} producto',
  'speedRest.catalogCountCapped_other': 'Más de {count} productos',
  'speedRest.customersShown_one': '{shown} de {count} clienta',
  'speedRest.customersShown_other': '{shown} de {count} clientas',
  'speedRest.customersShownCapped_one': '{shown} de más de {count} clienta',
  'speedRest.customersShownCapped_other': '{shown} de más de {count} clientas',
  'speedRest.ordersCountCapped_one': 'Más de {count} pedido',
  'speedRest.ordersCountCapped_other': 'Más de {count} pedidos',
  'speedRest.ordersMore': 'Ver más pedidos',
  'speedRest.customersMore': 'Cargar más clientas',
  'speedRest.pickerSearch': 'Buscar producto',
  'speedRest.pickerHint': '🔍 Buscar: nombre, tono o SKU',
  'speedRest.pickerMore': 'Los primeros {shown} de {total}: escribe para buscar',
  'speedRest.pickerNone': 'Ningún producto con «{query}»',
  'speedRest.conversionHelp': 'Conversión: cada día en que un cliente te escribió por un canal cuenta como una conversación; convirtió si hizo un pedido por ese mismo canal desde su primer mensaje de ese día hasta {days} días después del último. En un live: de quienes pidieron algo, cuántos lo compraron.',
};
