import type { AdapterFactories } from './adapter';
import { createDemoAdapter } from './demo';
import { createWhatsAppAdapter } from './whatsapp';
import { createInstagramAdapter } from './instagram';
import { createFacebookAdapter } from './facebook';

/** The real libraries, talking to the real networks. */
export const defaultAdapterFactories: AdapterFactories = {
  whatsapp: createWhatsAppAdapter(),
  instagram: createInstagramAdapter(),
  facebook: createFacebookAdapter(),
  demo: createDemoAdapter(),
};
