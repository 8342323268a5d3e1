import type { Language } from '../../../shared/domain/settings';

/** The ready-made set a new shop starts with, in her language; all editable. */
export const starterReplies: Record<Language, { name: string; text: string }[]> = {
  es: [
    { name: 'precios', text: '¡Hola {cliente}! 😊 El {producto} está a {precio} y sí tenemos stock. ¿Te lo separo?' },
    { name: 'pagar', text: 'Puedes pagar por Yape/Plin, transferencia o en efectivo al recibir. El total de tu pedido es {total del pedido}. Cuando pagues, mándame la captura 🙏' },
    { name: 'envios', text: 'Hacemos envíos a domicilio en nuestras zonas de reparto 🛵 Dime tu distrito y te digo el costo y el día de entrega.' },
    { name: 'feria', text: 'También nos encuentras en la feria los sábados y domingos de 10:00 a 18:00 💖 ¡Te esperamos!' },
    { name: 'gracias', text: '¡Gracias por tu compra, {cliente}! 💖 Cualquier cosa me escribes por aquí.' },
  ],
  en: [
    { name: 'prices', text: 'Hi {cliente}! 😊 The {producto} is {precio} and it is in stock. Shall I put one aside for you?' },
    { name: 'pay', text: 'You can pay by bank transfer, wallet app or cash on delivery. Your order total is {total del pedido}. Please send me a screenshot when you pay 🙏' },
    { name: 'delivery', text: 'We deliver to your door in our delivery areas 🛵 Tell me your area and I will tell you the fee and the delivery day.' },
    { name: 'market', text: 'You can also find us at the market on Saturdays and Sundays from 10:00 to 18:00 💖 See you there!' },
    { name: 'thanks', text: 'Thank you for your order, {cliente}! 💖 Write to me here if you need anything.' },
  ],
};

export const starterLabels: Record<Language, { name: string; color: string }[]> = {
  es: [
    { name: 'nuevo cliente', color: '#1565c0' },
    { name: 'por pagar', color: '#ef6c00' },
    { name: 'pagado', color: '#2e7d32' },
    { name: 'enviar hoy', color: '#c62828' },
    { name: 'mayorista', color: '#6a1b9a' },
  ],
  en: [
    { name: 'new customer', color: '#1565c0' },
    { name: 'to pay', color: '#ef6c00' },
    { name: 'paid', color: '#2e7d32' },
    { name: 'ship today', color: '#c62828' },
    { name: 'wholesale', color: '#6a1b9a' },
  ],
};
