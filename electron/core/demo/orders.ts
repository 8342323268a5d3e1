import { DateTime } from 'luxon';
import type { OrderChannel, OrderStatus } from '../../../shared/domain/orders';

export interface DemoOrder {
  channel: OrderChannel;
  customer?: { name: string; phone: string };
  items: [sku: string, quantity: number][];
  deliveryFee: number;
  deliveryDate: string | null;
  note: string;
  sourceText: string;
  path: OrderStatus[];
  paidShare: number;
  paymentMethod: string;
  stop?: { address: string; reference: string; zone: string; timeWindow: string; assignee: string };
}

/** Orders across every channel and status, dated around today so "today's deliveries" is never empty. */
export const demoOrders = (now: number, timeZone: string): DemoOrder[] => {
  const date = (offset: number) => DateTime.fromMillis(now, { zone: timeZone }).plus({ days: offset }).toISODate();
  return [
    { channel: 'whatsapp', customer: { name: 'Lucía Fernández', phone: '+51 987 111 222' }, items: [['LAB-MAT-ROJ', 2], ['ESM-GEL-ROJ', 1]], deliveryFee: 800, deliveryDate: date(0), note: 'Dejar con el portero', sourceText: 'hola karina! me separas 2 labiales rojo pasion y un esmalte rojo xfa 💄', path: ['confirmed', 'prepared'], paidShare: 1, paymentMethod: 'Yape/Plin', stop: { address: 'Jr. Las Begonias 245, dpto 302', reference: 'Frente al parque', zone: 'San Isidro', timeWindow: '10 am - 1 pm', assignee: 'Diego' } },
    { channel: 'instagram', customer: { name: 'Miguel Ángel Torres', phone: '+51 945 333 444' }, items: [['PER-AMA-50', 1]], deliveryFee: 1000, deliveryDate: date(0), note: 'Es regalo, envolver', sourceText: 'Hola, el perfume flor de amancaes de 50 para regalo, me lo mandas hoy?', path: ['confirmed'], paidShare: 0.5, paymentMethod: 'Transferencia', stop: { address: 'Av. Universitaria 1820', reference: 'Casa verde, timbre 2', zone: 'Los Olivos', timeWindow: '3 - 6 pm', assignee: 'Diego' } },
    { channel: 'facebook', customer: { name: 'Rosa Quispe', phone: '+51 956 555 666' }, items: [['SER-VIC-30', 1], ['PRO-SOL-50', 1]], deliveryFee: 800, deliveryDate: date(1), note: '', sourceText: 'buenas, quiero el serum de vitamina c y el bloqueador', path: [], paidShare: 0, paymentMethod: 'Efectivo' },
    { channel: 'stall', items: [['ESP-ROS', 2], ['ESM-NUD', 1]], deliveryFee: 0, deliveryDate: null, note: 'Venta en la feria', sourceText: '', path: ['confirmed', 'prepared', 'delivered'], paidShare: 1, paymentMethod: 'Efectivo' },
    { channel: 'whatsapp', customer: { name: 'Carmen Huamán', phone: '+51 912 777 888' }, items: [['BAS-NAT-03', 1], ['COR-MED', 1]], deliveryFee: 800, deliveryDate: date(-2), note: '', sourceText: 'Karina la base tono 3 y corrector medio, pago contra entrega', path: ['confirmed', 'prepared', 'on_the_way', 'delivered'], paidShare: 1, paymentMethod: 'Efectivo' },
    { channel: 'instagram', customer: { name: 'Valeria Ríos', phone: '' }, items: [['PAL-ATA', 1]], deliveryFee: 1000, deliveryDate: date(2), note: '', sourceText: 'me encanta la paleta atardecer 😍 la quiero!', path: [], paidShare: 0, paymentMethod: 'Yape/Plin' },
    { channel: 'phone', customer: { name: 'Doña Julia', phone: '+51 998 123 456' }, items: [['CRE-KAR-250', 2]], deliveryFee: 500, deliveryDate: date(-5), note: 'Llamó por teléfono', sourceText: '', path: ['cancelled'], paidShare: 0, paymentMethod: 'Efectivo' },
    { channel: 'whatsapp', customer: { name: 'Lucía Fernández', phone: '+51987111222' }, items: [['RIM-VOL-NEG', 1]], deliveryFee: 800, deliveryDate: date(3), note: '', sourceText: 'y un rimel negro para el sábado porfa', path: ['confirmed'], paidShare: 0, paymentMethod: 'Yape/Plin', stop: { address: 'Calle Los Pinos 118', reference: '', zone: 'Surco', timeWindow: '', assignee: 'Diego' } },
  ];
};
