import { createHmac, timingSafeEqual } from 'node:crypto';

// ST-4: the QR code on the room's screen carries a token bound to one session and one
// time window of the policy's length, signed with the session's own secret. A photo of
// it passed around stops working after the window (plus a small grace); a made-up one
// never verifies (moodle mod_attendance#640).

export type QrMode = 'in' | 'out';

export interface ParsedQrToken {
  sessionId: string;
  mode: QrMode;
  window: number;
  signature: string;
}

export type QrVerdict = { ok: true; isGrace: boolean } | { ok: false; reason: 'forged' | 'expired' | 'future' };

const UUID_HEX = /^[0-9a-f]{32}$/;

const toUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

function sign(secret: string, sessionId: string, mode: QrMode, window: number): string {
  return createHmac('sha256', secret).update(`${sessionId}|${mode}|${window}`).digest().subarray(0, 16).toString('base64url');
}

export const qrWindowOf = (now: Date, periodSeconds: number): number => Math.floor(now.getTime() / 1000 / periodSeconds);

export function issueQrToken(session: { id: string; qrSecret: string }, mode: QrMode, now: Date, periodSeconds: number) {
  const window = qrWindowOf(now, periodSeconds);
  const token = `${session.id.replace(/-/g, '')}.${mode}.${window.toString(36)}.${sign(session.qrSecret, session.id, mode, window)}`;
  return { token, window, expiresAt: new Date((window + 1) * periodSeconds * 1000) };
}

/** null when the text is no token of ours at all. */
export function parseQrToken(token: string): ParsedQrToken | null {
  const parts = token.trim().split('.');
  if (parts.length !== 4) return null;
  const [hex, mode, window36, signature] = parts;
  if (!UUID_HEX.test(hex) || (mode !== 'in' && mode !== 'out') || !/^[0-9a-z]{1,10}$/.test(window36) || !/^[A-Za-z0-9_-]{22}$/.test(signature)) return null;
  return { sessionId: toUuid(hex), mode, window: Number.parseInt(window36, 36), signature };
}

/** Valid in its own window, and for `graceSeconds` after it ends; never before it. */
export function verifyQrToken(t: ParsedQrToken, secret: string, now: Date, periodSeconds: number, graceSeconds: number): QrVerdict {
  const expected = Buffer.from(sign(secret, t.sessionId, t.mode, t.window));
  const given = Buffer.from(t.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const current = qrWindowOf(now, periodSeconds);
  if (t.window > current) return { ok: false, reason: 'future' };
  if (t.window === current) return { ok: true, isGrace: false };
  const endedAt = (t.window + 1) * periodSeconds * 1000;
  if (now.getTime() - endedAt <= graceSeconds * 1000) return { ok: true, isGrace: true };
  return { ok: false, reason: 'expired' };
}

// A teacher who is not signed in when scanning gets a hold: proof, signed with the session's
// secret, that this browser presented a valid code at that moment. Logging in may then take a
// few minutes without the code expiring; lateness is judged at the scan.
export const SCAN_HOLD_MINUTES = 5;

const holdSignature = (secret: string, token: string, at: number, isGrace: boolean) =>
  createHmac('sha256', secret)
    .update(`hold|${token}|${at}|${isGrace ? 1 : 0}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

export function issueScanHold(token: string, secret: string, scannedAt: Date, isGrace: boolean): string {
  const at = scannedAt.getTime();
  return `${at.toString(36)}.${isGrace ? 1 : 0}.${holdSignature(secret, token, at, isGrace)}`;
}

/** The scan a hold proves, when it was made for this token, with this secret, less than SCAN_HOLD_MINUTES ago. */
export function verifyScanHold(hold: string, token: string, secret: string, now: Date): { scannedAt: Date; isGrace: boolean } | null {
  const parts = hold.split('.');
  if (parts.length !== 3 || !/^[0-9a-z]{1,12}$/.test(parts[0]) || (parts[1] !== '0' && parts[1] !== '1')) return null;
  const at = Number.parseInt(parts[0], 36);
  const isGrace = parts[1] === '1';
  const expected = Buffer.from(holdSignature(secret, token, at, isGrace));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = now.getTime() - at;
  if (age < 0 || age > SCAN_HOLD_MINUTES * 60_000) return null;
  return { scannedAt: new Date(at), isGrace };
}
