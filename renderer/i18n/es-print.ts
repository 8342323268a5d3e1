/** Spanish texts of price tags, the stall sheet and scheduled posts; merged into es.ts. */
export const esPrint = {
  'print.tags': "Etiquetas de precio",
  'print.tagsHelp': "Marca los productos y el tamaño de las etiquetas. Cada etiqueta lleva el precio, la promoción activa y un QR para pedir por WhatsApp.",
  'print.tagsSheet': "Tamaño de las etiquetas",
  'print.tagsSmall': "Pequeñas: 3 × 8 por hoja",
  'print.tagsMedium': "Medianas: 2 × 6 por hoja",
  'print.tagsLarge': "Grandes: 2 × 4 por hoja",
  'print.tagsPaper': "Papel",
  'print.tagsMake': "Imprimir {count} etiquetas",
  'print.tagsNone': "Marca al menos un producto.",
  'print.tagsAll': "Todos",
  'print.noWhatsapp': "Falta tu número de WhatsApp: la hoja del puesto y las etiquetas llevan un QR para que te escriban.",
  'print.goSettings': "Ponerlo en Ajustes",
  'broadcast.scheduleAt': "Programar la publicación (opcional)",
  'broadcast.scheduleFacebook': "Facebook: entre 10 minutos y 75 días desde ahora.",
  'broadcast.scheduleInstagram': "Instagram: Chasqui la publica a esa hora. Chasqui debe estar abierto a esa hora (si está cerrado, sale apenas lo abras).",
  'broadcast.scheduleNow': "Vacío: se publica ya. El estado de WhatsApp y los mensajes salen ya.",
} as const;
