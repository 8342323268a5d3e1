import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { LAN_CERT_DIR, ensureServerCert, ensureShopCa, restoreCaFrom } from '../../../electron/core/lan/certs';
import { makeTempDir } from '../../helpers/tmp';

const DAY = 24 * 60 * 60_000;
const now = Date.UTC(2026, 10, 29, 15);

describe("the shop's certificate authority", () => {
  const tmp = makeTempDir();
  const other = makeTempDir();
  afterAll(() => {
    tmp.cleanup();
    other.cleanup();
  });

  it('is made once and kept; the server certificate is kept while it fits and renewed 30 days before its end', () => {
    const ca = ensureShopCa(tmp.dir, now);
    expect(ensureShopCa(tmp.dir, now + 100 * DAY).fingerprint).toBe(ca.fingerprint);
    const first = ensureServerCert(tmp.dir, ca, ['192.0.2.10'], now);
    expect(ensureServerCert(tmp.dir, ca, ['192.0.2.10'], now + 300 * DAY).certPem).toBe(first.certPem);
    const renewed = ensureServerCert(tmp.dir, ca, ['192.0.2.10'], now + 340 * DAY);
    expect(renewed.certPem).not.toBe(first.certPem);
    expect(Date.parse(new crypto.X509Certificate(renewed.certPem).validTo)).toBeGreaterThan(now + 700 * DAY);
    // A second network card (wifi and cable) is one more SAN; the loopback address is always there.
    const both = ensureServerCert(tmp.dir, ca, ['192.0.2.10', '198.51.100.4', 'not-an-ip'], now + 340 * DAY);
    expect(both.addresses).toEqual(['127.0.0.1', '192.0.2.10', '198.51.100.4']);
  });

  it('goes into every backup, privately, but never into the shop export; a restored shop keeps the same CA', async () => {
    const core = createCore({ dataDir: tmp.dir, clock: () => now });
    try {
      const api = coreClient(core);
      const ca = ensureShopCa(tmp.dir, now);
      const backup = await api.call('backup.create', { kind: 'manual' });
      const copied = path.join(backup.path, LAN_CERT_DIR, 'ca-key.pem');
      expect(fs.readFileSync(copied, 'utf8')).toBe(ca.keyPem);
      if (process.platform !== 'win32') expect(fs.statSync(copied).mode & 0o777).toBe(0o600);

      const exported = await api.call('shop.export', {});
      const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(exported.path))));
      expect(names.filter((name) => /pem|lan-https|key/i.test(name))).toEqual([]);

      // A new laptop: the backup's CA comes back, so phones that installed it keep trusting the shop.
      restoreCaFrom(backup.path, other.dir);
      expect(ensureShopCa(other.dir, now).fingerprint).toBe(ca.fingerprint);
    } finally {
      core.close();
    }
  });
});
