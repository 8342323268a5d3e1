/** Spanish texts for the catalog PDF with the greeting; merged into es.ts. */
export const esChatsRest = {
  'chatsRest.catalogPdf': 'Enviar también el catálogo en PDF (WhatsApp y Facebook; en Instagram va solo el enlace)',
};
