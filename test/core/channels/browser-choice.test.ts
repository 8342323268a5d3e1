import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { foundBrowsers, isChromiumBrowser } from '../../../electron/core/channels/browser';
import { createWhatsAppAdapter, type WaClient } from '../../../electron/core/channels/whatsapp';
import { writeSettings } from '../../../electron/core/settings/repo';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

/** The attack: with the token, set browserPath to any program, then connect WhatsApp to run it. */
describe.skipIf(process.platform === 'win32')('the browser WhatsApp runs', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let starts = 0;
  const writeProgram = (name: string, body = '#!/bin/sh\nexit 1\n', mode = 0o755): string => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, body, { mode });
    return file;
  };
  beforeEach(() => {
    tmp = makeTempDir();
    starts = 0;
    core = createCore({
      dataDir: path.join(tmp.dir, 'shop'),
      // Counts starts instead of running a browser; with a refused path it must never be reached.
      channelAdapters: {
        whatsapp: createWhatsAppAdapter({
          createClient: (): WaClient => {
            starts += 1;
            throw new Error('the browser must not be started');
          },
        }),
      },
    });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('refuses a browserPath sent in a request unless Chasqui found that browser itself', async () => {
    for (const browserPath of ['/bin/sh', process.execPath, writeProgram('chrome'), '/tmp/anything']) {
      const answer = await api.request('settings.update', { browserPath });
      expect(answer, browserPath).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'browserPath' } });
    }
    expect((await api.call('settings.get', {})).browserPath).toBe('');
    // Empty ("find one") is always fine, and so is every browser on the list.
    expect(await api.request('settings.update', { browserPath: '' })).toMatchObject({ ok: true });
    const listed = await api.call('channels.listBrowsers', {});
    expect(listed.items).toEqual(foundBrowsers());
    for (const browser of listed.items) expect(await api.request('settings.update', { browserPath: browser.path })).toMatchObject({ ok: true });
  });

  it('tells Chrome, Chromium and Edge from other programs without running them', () => {
    expect(isChromiumBrowser(writeProgram('chrome'))).toBe(true);
    expect(isChromiumBrowser(writeProgram('google-chrome-stable'))).toBe(true);
    expect(isChromiumBrowser(writeProgram('msedge'))).toBe(true);
    expect(isChromiumBrowser(writeProgram('evil'))).toBe(false);
    expect(isChromiumBrowser(writeProgram('chromium', '#!/bin/sh\n', 0o644))).toBe(false);
    expect(isChromiumBrowser(writeProgram('chrome.txt'))).toBe(false);
    // Named chrome, but text rather than a program.
    fs.mkdirSync(path.join(tmp.dir, 'data'));
    expect(isChromiumBrowser(writeProgram(path.join('data', 'chrome'), 'hola'))).toBe(false);
    // A link named chrome to another program.
    fs.symlinkSync('/bin/sh', path.join(tmp.dir, 'chromium-browser'));
    expect(isChromiumBrowser(path.join(tmp.dir, 'chromium-browser'))).toBe(false);
    expect(isChromiumBrowser(tmp.dir)).toBe(false);
  });

  it('does not run a saved browser that is not Chrome (a shop saved before this check), and the desktop dialog refuses one', async () => {
    const evil = writeProgram('evil');
    writeSettings(core.db, { browserPath: evil });
    await expect(api.call('channels.connect', { kind: 'whatsapp' })).rejects.toMatchObject({ code: 'browser_not_found', message: expect.stringContaining('is not Chrome, Chromium or Edge') });
    expect(starts).toBe(0);
    expect(core.chooseBrowser('/bin/sh')).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'browserPath' } });
    expect(core.chooseBrowser(evil)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.chooseBrowser(writeProgram('chrome'))).toMatchObject({ ok: true });
    expect((await api.call('settings.get', {})).browserPath).toBe(path.join(tmp.dir, 'chrome'));
  });
});
