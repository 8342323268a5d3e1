/** English texts for the catalog PDF with the greeting; merged into en.ts. */
export const enChatsRest = {
  'chatsRest.catalogPdf': 'Also send the catalog as a PDF (WhatsApp and Facebook; on Instagram only the link goes)',
};
