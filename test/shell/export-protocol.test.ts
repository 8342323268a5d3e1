import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { handleAppRequest } from '../../electron/main/protocol';
import { makeTempDir } from '../helpers/tmp';

vi.mock('electron', async () => {
  const { createElectronMock: make } = await import('./electron-mock');
  return make().module;
});

describe('the desktop app:// protocol serves every export as a download', () => {
  const tmp = makeTempDir();
  const core = createCore({ dataDir: tmp.dir });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('the error log (.txt) and a customer\'s data (.json) have their type, an attachment name and nosniff', async () => {
    const api = coreClient(core);
    const customerId = Number(core.db.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('Lucía', 1, 1)").run().lastInsertRowid);
    const { json } = await api.call('customers.exportData', { id: customerId });
    const log = await api.call('app.exportLog', {});
    for (const [file, type] of [[json, 'application/json; charset=utf-8'], [log, 'text/plain; charset=utf-8']] as const) {
      const res = handleAppRequest({ url: `app://chasqui${file.url}` }, { rendererDir: tmp.dir, mediaDir: core.mediaDir, dataDir: core.dataDir });
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(type);
      expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="${file.fileName}"`);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });
});
