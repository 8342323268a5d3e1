import type { CoreContext, Handlers } from '../context';
import { readSettings, writeSettings } from '../settings/repo';
import { fail } from '../../../shared/api/errors';
import { addDevice, checkCode, issueCode, listDevices, newPairingState, renewToken, revokeDevice, type PairingState } from './pairing';
import { deviceOf } from './principal';
import { getPerson } from '../team/repo';

export const pairingOf = (ctx: Pick<CoreContext, 'caches'>): PairingState => {
  ctx.caches.pairing ??= newPairingState();
  return ctx.caches.pairing;
};

export const lanHandlers = {
  'lan.status': (ctx) => ({ isEnabled: readSettings(ctx.db).isLanEnabled, url: pairingOf(ctx).url, certificate: pairingOf(ctx).certificate }),
  'lan.enable': (ctx) => {
    writeSettings(ctx.db, { isLanEnabled: true });
    ctx.emit('settings.changed', readSettings(ctx.db));
    return { isEnabled: true };
  },
  'lan.disable': (ctx) => {
    writeSettings(ctx.db, { isLanEnabled: false });
    ctx.emit('settings.changed', readSettings(ctx.db));
    return { isEnabled: false };
  },
  'lan.pairingCode': async (ctx, args) => {
    const state = pairingOf(ctx);
    // Checked now, so the seller hears of a removed person before the phone is in her hand.
    const personId = args.personId === undefined ? null : getPerson(ctx.db, args.personId).id;
    const issued = issueCode(state, ctx.now(), personId);
    const certificate = state.certificate ? { ...state.certificate, qrDataUrl: await qrFor(state.certificate.installUrl) } : null;
    return { ...issued, url: state.url, qrDataUrl: await qrFor(state.url), certificate };
  },
  'lan.pair': (ctx, args) => {
    // Tries are counted per network address; the seller's own shells count as one more place.
    const state = pairingOf(ctx);
    const personId = state.personId;
    checkCode(state, args.code, ctx.now(), ctx.principal.kind === 'stranger' ? ctx.principal.source : 'owner');
    // A person removed while the code was out pairs nothing.
    if (personId !== null) getPerson(ctx.db, personId);
    return addDevice(ctx.db, args.deviceName, ctx.now(), personId);
  },
  'lan.renewToken': (ctx) => {
    const deviceId = deviceOf(ctx.principal);
    return deviceId === null ? fail('forbidden', 'Only a paired phone renews its own token') : renewToken(ctx.db, deviceId);
  },
  'lan.devices': (ctx) => ({ items: listDevices(ctx.db, ctx.now()) }),
  'lan.revoke': (ctx, args) => revokeDevice(ctx.db, args.id, ctx.now()),
} satisfies Partial<Handlers>;

/** The QR the phone scans: the phone page's address (the code itself is typed, never put in the QR). */
export const qrFor = async (url: string | null): Promise<string | null> => (url ? (await import('qrcode')).default.toDataURL(url, { margin: 1, width: 240 }) : null);
