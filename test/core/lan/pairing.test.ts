import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

describe('pairing a phone with a code', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let now = Date.UTC(2026, 2, 7, 15);
  let core: Core;
  let api: ApiClient;
  const pairFrom = (source: string, code: string) => core.dispatch('lan.pair', { code, deviceName: 'Celular' }, { principal: { kind: 'stranger', source } });
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

  beforeEach(() => {
    tmp = makeTempDir();
    now = Date.UTC(2026, 2, 7, 15);
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('slows one address down after wrong codes, then locks it out, while another address still pairs', async () => {
    const { code } = await api.call('lan.pairingCode', {});
    const wrong = wrongFor(code);
    // A first typo costs nothing: the right code may follow at once.
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // Then a growing pause; tries inside it are not even looked at.
    expect(await pairFrom('10.0.0.66', code)).toMatchObject({ ok: false, error: { code: 'forbidden', details: { retryAfterMs: 1000 } } });
    now += 1000;
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'forbidden', details: { retryAfterMs: 2000 } } });
    now += 2000;
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    now += 4000;
    expect(await pairFrom('10.0.0.66', wrong)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // Five wrong codes: this address is locked for ten minutes, even with the right code.
    expect(await pairFrom('10.0.0.66', code)).toMatchObject({ ok: false, error: { code: 'forbidden', details: { retryAfterMs: 10 * 60_000 } } });
    // The brother's phone, at another address, pairs with the same code.
    expect(await pairFrom('10.0.0.20', code)).toMatchObject({ ok: true });
    expect((await api.call('lan.devices', {})).items).toHaveLength(1);
  });

  it('locks a returning guesser out for longer each time', async () => {
    const { code } = await api.call('lan.pairingCode', {});
    const guessFiveTimes = async () => {
      for (let i = 0; i < 5; i += 1) {
        expect(await pairFrom('10.0.0.66', wrongFor(code))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
        now += 10_000;
      }
    };
    await guessFiveTimes();
    now += 10 * 60_000;
    await guessFiveTimes();
    expect(await pairFrom('10.0.0.66', code)).toMatchObject({ ok: false, error: { code: 'forbidden', details: { retryAfterMs: 20 * 60_000 - 10_000 } } });
  });

  it('lets the seller lift the locks by asking for a new code', async () => {
    const first = await api.call('lan.pairingCode', {});
    for (let i = 0; i < 5; i += 1) {
      await pairFrom('10.0.0.20', wrongFor(first.code));
      now += 10_000;
    }
    expect(await pairFrom('10.0.0.20', first.code)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fresh = await api.call('lan.pairingCode', {});
    expect(await pairFrom('10.0.0.20', fresh.code)).toMatchObject({ ok: true });
  });

  it('burns the code after twenty wrong tries from anywhere, so many addresses cannot guess on', async () => {
    const { code } = await api.call('lan.pairingCode', {});
    for (let i = 0; i < 20; i += 1) expect(await pairFrom(`10.0.1.${i}`, wrongFor(code))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await pairFrom('10.0.0.20', code)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('is the only thing a stranger on the network may call', async () => {
    for (const method of ['deliveries.listForDay', 'lan.pairingCode', 'lan.devices', 'customers.list']) {
      expect(await core.dispatch(method, {}, { principal: { kind: 'stranger', source: '10.0.0.66' } }), method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
