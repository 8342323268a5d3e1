import type { MenuItemConstructorOptions } from 'electron';
import type { EventMap } from '../../shared/api/contract';
import type { Language } from '../../shared/domain/settings';

type Command = EventMap['app.command'];

const words = {
  es: {
    file: 'Archivo', newOrder: 'Nuevo pedido', newProduct: 'Nuevo producto', search: 'Buscar…', dataFolder: 'Abrir carpeta de datos', quit: 'Salir',
    edit: 'Edición', view: 'Ver', go: 'Ir a', help: 'Ayuda', logFolder: 'Abrir registro de errores', about: 'Acerca de Chasqui',
    catalog: 'Catálogo', chats: 'Chats', orders: 'Pedidos', deliveries: 'Repartos', settings: 'Ajustes',
  },
  en: {
    file: 'File', newOrder: 'New order', newProduct: 'New product', search: 'Search…', dataFolder: 'Open data folder', quit: 'Quit',
    edit: 'Edit', view: 'View', go: 'Go', help: 'Help', logFolder: 'Open error log', about: 'About Chasqui',
    catalog: 'Catalog', chats: 'Chats', orders: 'Orders', deliveries: 'Deliveries', settings: 'Settings',
  },
} as const;

export interface MenuActions {
  send(command: Command): void;
  openDataFolder(): void;
  openLogFolder(): void;
}

/** The app menu in the shop's language; its shortcuts are the same as the page's. */
export const buildMenuTemplate = (language: Language, platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] => {
  const w = words[language];
  const open = (label: string, hash: string, accelerator?: string): MenuItemConstructorOptions => ({ label, accelerator, click: () => actions.send({ command: 'open', hash }) });
  const template: MenuItemConstructorOptions[] = [
    {
      label: w.file,
      submenu: [
        { label: w.newOrder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.send({ command: 'new-order' }) },
        { label: w.newProduct, accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.send({ command: 'new-product' }) },
        { label: w.search, accelerator: 'CmdOrCtrl+K', click: () => actions.send({ command: 'search' }) },
        { type: 'separator' },
        { label: w.dataFolder, click: actions.openDataFolder },
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit', label: w.quit },
      ],
    },
    { label: w.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: w.go,
      submenu: [open(w.catalog, '#/catalogo', 'CmdOrCtrl+1'), open(w.chats, '#/chats', 'CmdOrCtrl+2'), open(w.orders, '#/pedidos', 'CmdOrCtrl+3'), open(w.deliveries, '#/repartos', 'CmdOrCtrl+4'), open(w.settings, '#/ajustes', 'CmdOrCtrl+,')],
    },
    { label: w.view, submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: w.help, submenu: [{ label: w.logFolder, click: actions.openLogFolder }, { role: 'about', label: w.about }] },
  ];
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...template] : template;
};
