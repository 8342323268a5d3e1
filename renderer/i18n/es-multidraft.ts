/** Spanish texts of Chats' "one order from several messages"; merged into es.ts. */
export const esMultidraft = {
  'multidraft.select': 'Elegir mensajes',
  'multidraft.selectHelp': 'Marca los mensajes del cliente que forman un pedido (Mayús + clic marca todos los de en medio).',
  'multidraft.latest': 'Últimos mensajes del cliente',
  'multidraft.latestHelp': 'Lee en un solo pedido lo que el cliente escribió desde su último pedido (hasta 20 mensajes).',
  'multidraft.pick': 'Elegir este mensaje',
  'multidraft.selected_one': '{count} mensaje elegido',
  'multidraft.selected_other': '{count} mensajes elegidos',
  'multidraft.createOrder': 'Crear un pedido con ellos',
  'multidraft.cancel': 'Cancelar',
  'multidraft.tooMany': 'Elige hasta {max} mensajes para un pedido.',
  'multidraft.noneLatest': 'No hay mensajes nuevos de este cliente desde su último pedido.',
  'multidraft.notInConversation': 'Uno de los mensajes elegidos es de otra conversación. Elige solo mensajes de este cliente.',
};
