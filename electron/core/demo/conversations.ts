import type { MessageChannel } from '../../../shared/domain/inbox';

export interface DemoChat {
  channel: MessageChannel;
  /** The customer's id on that channel: a phone for WhatsApp, a handle for Instagram, a name for Facebook. */
  sender: string;
  author: string;
  /** Minutes before now, then who wrote and what. */
  lines: [minutesAgo: number, from: 'in' | 'out', text: string][];
}

/** Chats as customers really write them: no accents, "xfa", emojis, questions mixed with orders. */
export const demoChats: DemoChat[] = [
  {
    channel: 'whatsapp', sender: '51987111222', author: 'Lucía Fernández',
    lines: [
      [180, 'in', 'holaa karina buenas tardes 😊'],
      [178, 'in', 'me separas 2 labiales rojo pasion y un esmalte rojo xfa 💄'],
      [170, 'out', 'Hola Lucía! Claro que sí, te los separo 🥰 ¿Te lo envío hoy?'],
      [165, 'in', 'siii hoy porfa, te yapeo ahorita'],
    ],
  },
  {
    channel: 'instagram', sender: 'miguel.torres.pe', author: 'Miguel Ángel Torres',
    lines: [
      [300, 'in', 'Hola! vi tu historia del perfume flor de amancaes 😍'],
      [298, 'in', 'cuanto cuesta el de 50?'],
      [290, 'out', 'Hola Miguel! El de 50 ml está a S/ 119 y el de 100 ml a S/ 169 ✨'],
      [280, 'in', 'ok me separas el de 50 para regalo? mi enamorada cumple el sabado 🎁'],
    ],
  },
  {
    channel: 'facebook', sender: 'rosa.quispe.fb', author: 'Rosa Quispe',
    lines: [
      [1440, 'in', 'buenas, tienen el serum de vitamina c?'],
      [1400, 'out', 'Hola Rosa! Sí tenemos, y esta semana está con 20% de descuento 🙌'],
      [1380, 'in', 'ya, quiero el serum de vitamina c y el bloqueador para mañana'],
    ],
  },
  {
    channel: 'whatsapp', sender: '51945333444', author: 'Miguel Ángel Torres',
    lines: [[60, 'in', 'Karina soy Miguel el de Instagram, al final quiero tambien un rimel negro 🙏']],
  },
  {
    channel: 'instagram', sender: 'vale.rios', author: 'Valeria Ríos',
    lines: [
      [30, 'in', 'hacen envios a los olivos??'],
      [25, 'out', 'Hola Vale! Sí, los martes, jueves y sábados 🛵'],
      [5, 'in', 'genial!! entonces dame media docena de esmaltes rosa palo para el jueves xfa'],
    ],
  },
];
