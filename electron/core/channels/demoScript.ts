import type { MessageChannel } from '../../../shared/domain/inbox';

export interface DemoLine {
  channel: MessageChannel;
  /** A phone for WhatsApp, a handle for Instagram, a page-scoped id for Facebook. */
  sender: string;
  author: string;
  text: string;
  /** What the customer answers after the seller replies. */
  answer?: string;
  /** How long after the previous line this one arrives (the adapter's interval when absent). */
  afterMs?: number;
}

/**
 * Customers who write in while the demo channel is on, as they really write. Valeria starts on
 * Instagram and finishes on WhatsApp, so the seller can try linking two identities of one person.
 */
export const demoScript: DemoLine[] = [
  {
    channel: 'instagram', sender: 'valeria.rojas.mk', author: 'Valeria Rojas',
    text: 'holaa 😍 vi tu live, todavia tienes el labial mate nude?',
    answer: 'ya listo, te escribo por whatsapp para coordinar 🙌',
  },
  {
    channel: 'whatsapp', sender: '51944556677', author: 'Valeria Rojas', afterMs: 8_000,
    text: 'hola karina soy valeria la de insta 🙋‍♀️ quiero 2 labiales nude xfa, me los traes el sabado?',
    answer: 'perfecto, te yapeo al toque 💸',
  },
  {
    channel: 'whatsapp', sender: '51933221100', author: 'Patty Salazar',
    text: 'buenas, cuanto esta el serum de vitamina c? 🍊',
    answer: 'ok dame uno entonces, para mañana porfa',
  },
  {
    channel: 'facebook', sender: 'fb-demo-jorge', author: 'Jorge Villanueva',
    text: 'Hola, hacen delivery a Los Olivos? quiero un perfume para mi mamá',
    answer: 'Genial, separame el de 50 ml por favor',
  },
  {
    channel: 'instagram', sender: 'sofi.makeup.lima', author: 'Sofía Paredes',
    text: 'hola!! me separas media docena de esmaltes surtidos? 💅',
    answer: 'graciaaas 💖',
  },
];
