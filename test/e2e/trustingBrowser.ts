import crypto from 'node:crypto';
import tls from 'node:tls';
import { chromium, type Browser } from '@playwright/test';

/** The SPKI hash of the certificate the home-network door presents, as Chromium's --ignore-certificate-errors-spki-list takes it. */
const spkiHashOf = (port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.end();
      if (!cert) return reject(new Error('no certificate'));
      resolve(crypto.createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64'));
    });
    socket.on('error', reject);
  });

/**
 * A browser like a phone that installed the shop's certificate: Chromium trusts exactly the key the
 * phones' door at this origin presents (only in tests), so the page is a secure context there.
 */
export const launchTrustingBrowser = async (lanOrigin: string): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--ignore-certificate-errors-spki-list=${await spkiHashOf(Number(new URL(lanOrigin).port))}`],
  });
