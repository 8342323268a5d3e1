import type { MessageKey } from './i18n';
import type { TeamRole } from '../shared/api/methods/team';

export const areas = ['catalogo', 'promociones', 'chats', 'pedidos', 'pendientes', 'envivo', 'repartos', 'feria', 'reportes', 'canales', 'ajustes'] as const;
export type Area = (typeof areas)[number];

export const areaLabel: Record<Area, MessageKey> = {
  catalogo: 'nav.catalog',
  promociones: 'nav.promotions',
  chats: 'nav.chats',
  pedidos: 'nav.orders',
  pendientes: 'nav.followUps',
  envivo: 'nav.live',
  repartos: 'nav.deliveries',
  feria: 'nav.stall',
  reportes: 'nav.reports',
  canales: 'nav.channels',
  ajustes: 'nav.settings',
};

export const areaIcon: Record<Area, string> = {
  catalogo: '🧴',
  promociones: '🏷️',
  chats: '💬',
  pedidos: '🧾',
  pendientes: '🔔',
  envivo: '🔴',
  repartos: '🛵',
  feria: '🧺',
  reportes: '📊',
  canales: '📡',
  ajustes: '⚙️',
};

/** What a helper's phone shows (Ajustes › Equipo); the core refuses the rest whatever the screen shows. */
export const areasForRole: Record<TeamRole, readonly Area[]> = {
  owner: areas,
  seller: ['chats', 'pedidos', 'pendientes', 'catalogo', 'feria'],
  stall: ['feria', 'promociones', 'catalogo'],
  delivery: ['repartos'],
};

/** Routes live in the hash (#/pedidos) so deep links work in the browser and the desktop alike. */
export const areaFromHash = (hash: string): Area => areas.find((a) => hash.replace(/^#\/?/, '').startsWith(a)) ?? 'catalogo';
