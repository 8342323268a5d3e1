/** Spanish texts of Reportes (what conversion and "compran de nuevo" mean, what sells where); merged into es.ts. */
export const esReports = {
  'reports.conversionHelp': "Conversión: de las conversaciones en que un cliente te escribió en estas fechas, cuántas terminaron en un pedido por ese mismo canal (hasta {days} días después de su último mensaje). En un live: de quienes pidieron algo, cuántos lo compraron.",
  'reports.conversionCell': "{converted} de {conversations}",
  'reports.conversations': "Conversaciones",
  'reports.whereSold': "Qué se vende dónde",
  'reports.whereSoldHelp': "Unidades vendidas de cada producto por canal en estas fechas.",
  'reports.buyers': "Compraron",
  'reports.newBuyers': "Por primera vez",
  'reports.returningBuyers': "Compran de nuevo",
  'reports.customersHelp': "De los clientes que compraron en estas fechas: “por primera vez” es su primer pedido; “compran de nuevo” ya llevan dos pedidos o más.",
  'reports.product': "Producto",
};
