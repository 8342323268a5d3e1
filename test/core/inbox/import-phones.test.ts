import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { makeTempDir } from '../../helpers/tmp';

describe('a WhatsApp export that names people by their number', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('keeps that number, in E.164, as the new customer\'s phone', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir });
    cleanups.push(() => (core.close(), tmp.cleanup()));
    const api = coreClient(core);
    const chat = ['04/03/26, 09:30 - +51 987 222 333: hola! me separas un labial?', '04/03/26, 09:35 - Karina: claro!', '04/03/26, 09:36 - Lucía: y yo uno'].join('\n');
    await api.call('inbox.importChatExport', { fileName: 'Chat de WhatsApp con grupo.txt', dataBase64: Buffer.from(chat).toString('base64'), sellerName: 'Karina' });
    const { items } = await api.call('customers.list', {});
    expect(items.map((c) => [c.name, c.phone]).sort()).toEqual([['+51 987 222 333', '+51987222333'], ['Lucía', '']]);
  });
});
