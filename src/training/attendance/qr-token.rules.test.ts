import { describe, expect, it } from 'vitest';
import { issueQrToken, parseQrToken, verifyQrToken } from './qr-token.rules';

const session = { id: '3f2a9c1e-5b7d-4e8f-9a01-23456789abcd', qrSecret: 'a'.repeat(64) };
const at = (s: number) => new Date(1_770_000_000_000 + s * 1000);

describe('rotating QR tokens (ST-4)', () => {
  it('ST-4 a fresh token parses back to its session and verifies in its window', () => {
    const { token, expiresAt } = issueQrToken(session, 'in', at(0), 15);
    const parsed = parseQrToken(token);
    expect(parsed).toMatchObject({ sessionId: session.id, mode: 'in' });
    expect(verifyQrToken(parsed!, session.qrSecret, at(3), 15, 5)).toEqual({ ok: true, isGrace: false });
    expect(expiresAt.getTime()).toBeGreaterThan(at(0).getTime());
  });

  it('ST-4 an old token works for the grace seconds after its window, then is expired', () => {
    const { token, expiresAt } = issueQrToken(session, 'in', at(0), 15);
    const parsed = parseQrToken(token)!;
    const afterEnd = (ms: number) => new Date(expiresAt.getTime() + ms);
    expect(verifyQrToken(parsed, session.qrSecret, afterEnd(4_000), 15, 5)).toEqual({ ok: true, isGrace: true });
    expect(verifyQrToken(parsed, session.qrSecret, afterEnd(6_000), 15, 5)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyQrToken(parsed, session.qrSecret, afterEnd(60_000), 15, 5)).toEqual({ ok: false, reason: 'expired' });
  });

  it('ST-4 a forged signature, another session secret or a changed mode never verifies', () => {
    const { token } = issueQrToken(session, 'in', at(0), 15);
    const parsed = parseQrToken(token)!;
    expect(verifyQrToken(parsed, 'b'.repeat(64), at(1), 15, 5)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyQrToken({ ...parsed, mode: 'out' }, session.qrSecret, at(1), 15, 5)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyQrToken({ ...parsed, window: parsed.window + 1 }, session.qrSecret, at(16), 15, 5)).toEqual({ ok: false, reason: 'forged' });
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifyQrToken(parseQrToken(tampered)!, session.qrSecret, at(1), 15, 5).ok).toBe(false);
  });

  it('ST-4 a token from a future window is refused (a clock that runs ahead)', () => {
    const { token } = issueQrToken(session, 'in', at(60), 15);
    expect(verifyQrToken(parseQrToken(token)!, session.qrSecret, at(0), 15, 5)).toEqual({ ok: false, reason: 'future' });
  });

  it('ST-4 text that is not a token is refused before any lookup', () => {
    for (const text of ['', 'hello', 'a.b.c.d', `${'z'.repeat(32)}.in.abc.${'A'.repeat(22)}`, `${'a'.repeat(32)}.sideways.abc.${'A'.repeat(22)}`]) {
      expect(parseQrToken(text)).toBeNull();
    }
  });
});

describe('ST-4 a scan held while the teacher logs in (issue 10 item 4)', () => {
  const token = 'abc.in.1.sig';
  it('ST-4 proves the scan for five minutes, for this token and secret only', async () => {
    const { issueScanHold, verifyScanHold } = await import('./qr-token.rules');
    const at = new Date('2026-03-02T08:00:00Z');
    const hold = issueScanHold(token, 'secret-1', at, false);
    expect(verifyScanHold(hold, token, 'secret-1', new Date('2026-03-02T08:04:59Z'))).toEqual({ scannedAt: at, isGrace: false });
    expect(verifyScanHold(hold, token, 'secret-1', new Date('2026-03-02T08:05:01Z'))).toBeNull();
    expect(verifyScanHold(hold, 'other.in.1.sig', 'secret-1', new Date('2026-03-02T08:01:00Z'))).toBeNull();
    expect(verifyScanHold(hold, token, 'secret-2', new Date('2026-03-02T08:01:00Z'))).toBeNull();
    expect(verifyScanHold(hold.replace('.0.', '.1.'), token, 'secret-1', new Date('2026-03-02T08:01:00Z'))).toBeNull();
  });
});
