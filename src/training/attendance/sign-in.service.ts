import { qrSvg } from '#core/qr';
import { and, eq } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState } from '#core/errors';
import { getPolicy } from '#core/policy';
import { findTeacherOfUser, notInRegister, type TeacherRow, trainingTeachers } from '../teacher';
import { getSessionRow, SIGN_IN_OPENS_MINUTES_BEFORE, type SessionRow, sessionPhaseOf, trainingSessions } from '../session';
import { issueQrToken, issueScanHold, parseQrToken, type QrMode, SCAN_HOLD_MINUTES, verifyQrToken, verifyScanHold } from './qr-token.rules';
import { recordSelfSignIn, type SignInOutcome } from './attendance.service';
import type { ScanInput, ScreenQrData } from './attendance.contract';

const badToken = () =>
  new AppError(
    'VALIDATION_FAILED',
    '二维码无效，请扫描培训现场屏幕上的签到二维码',
    'This is not a valid sign-in code; scan the code on the screen in the room',
    [{ field: 'token', reason: 'invalid' }],
  );

/** A session this person may show the QR code of: the office, the recorder role, or the session's trainer or recorder. */
async function assertCanShowQr(db: Db, actor: Actor, s: SessionRow): Promise<void> {
  if (hasPermission(actor, 'training.attendance.record') || hasPermission(actor, 'training.session.manage')) return;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (me && (me.id === s.trainerTeacherId || me.id === s.recorderTeacherId)) return;
  throw new AppError(
    'FORBIDDEN',
    '只有主讲人、记录员或培训管理人员可以显示签到码',
    'Only the trainer, the recorder or the training office may show the sign-in code',
  );
}

export type ScreenQr = ScreenQrData;

/** ST-4: the code for the room's screen, a new one every `qrTokenSeconds` (policy). */
export async function getScreenQr(db: Db, actor: Actor, sessionId: string, mode: QrMode, origin: string, now: Date): Promise<ScreenQr> {
  const session = await getSessionRow(db, actor.orgId, sessionId);
  await assertCanShowQr(db, actor, session);
  const policy = await getPolicy(db, actor.orgId);
  const phase = sessionPhaseOf(session, now);
  const { token, expiresAt } = issueQrToken(session, mode, now, policy.training.qrTokenSeconds);
  const url = `${origin}/public/sign-in?t=${encodeURIComponent(token)}`;
  const svg = await qrSvg(url, 2);
  return { token, url, svg, mode, expiresAt, periodSeconds: policy.training.qrTokenSeconds, phase };
}

const expiredCode = () =>
  new AppError('VALIDATION_FAILED', '二维码已过期，请扫描屏幕上最新的二维码', 'This code has expired; scan the current code on the screen', [
    { field: 'token', reason: 'expired' },
  ]);

/** The session a token names, whichever school it belongs to (the token's signature decides). */
async function findScannedSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).limit(1);
  return row;
}

/**
 * The scanned session and the scanning person's own teacher profile (null: none) in one
 * statement: a full hall's scans queue on one embedded connection (issue 10).
 */
async function findScannedSessionOf(db: Db, actor: Actor, sessionId: string): Promise<{ session: SessionRow; teacher: TeacherRow | null } | undefined> {
  const [row] = await db
    .select({ session: trainingSessions, teacher: trainingTeachers })
    .from(trainingSessions)
    .leftJoin(trainingTeachers, and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.userId, actor.userId)))
    .where(eq(trainingSessions.id, sessionId))
    .limit(1);
  return row;
}

/**
 * ST-4, signed out: the phone scanned the screen before its owner logged in. The code is
 * judged now, at the scan, and the browser gets a hold (a cookie) that lets it finish signing
 * in with this code for SCAN_HOLD_MINUTES while its owner types the password.
 */
export async function holdScan(db: Db, token: string, scannedAt: Date): Promise<{ hold: string; heldUntil: Date }> {
  const parsed = parseQrToken(token);
  if (!parsed) throw badToken();
  const session = await findScannedSession(db, parsed.sessionId);
  if (!session) throw badToken();
  const policy = await getPolicy(db, session.orgId);
  const verdict = verifyQrToken(parsed, session.qrSecret, scannedAt, policy.training.qrTokenSeconds, policy.training.graceSeconds);
  if (!verdict.ok) throw verdict.reason === 'expired' ? expiredCode() : badToken();
  return {
    hold: issueScanHold(token.trim(), session.qrSecret, scannedAt, verdict.isGrace),
    heldUntil: new Date(scannedAt.getTime() + SCAN_HOLD_MINUTES * 60_000),
  };
}

/**
 * ST-4: the teacher's phone scanned the screen; the token decides the session, the account
 * decides who. `scannedAt` is when the request reached the server (a full hall queues; the
 * code is judged at the scan, not when its turn comes); a hold from before logging in counts
 * as a scan at its own time. One short path: the policy once, the roster as one lookup.
 */
export async function signInWithQr(
  db: Db,
  actor: Actor,
  input: ScanInput,
  meta: { ip: string | null; hold?: string },
  scannedAt: Date,
): Promise<SignInOutcome & { session: { id: string; title: string; startsAt: Date; endsAt: Date } }> {
  const parsed = parseQrToken(input.token);
  if (!parsed) throw badToken();
  requireAccess(actor, 'training.self');
  const [scanned, policy] = await Promise.all([findScannedSessionOf(db, actor, parsed.sessionId), getPolicy(db, actor.orgId)]);
  // Another school's code, or a made-up one: the same answer, nothing about the other session.
  if (!scanned || scanned.session.orgId !== actor.orgId) throw badToken();
  const { session, teacher } = scanned;
  if (!teacher?.isActive) throw notInRegister();
  let verdict = verifyQrToken(parsed, session.qrSecret, scannedAt, policy.training.qrTokenSeconds, policy.training.graceSeconds);
  let at = scannedAt;
  if (!verdict.ok && verdict.reason === 'expired' && meta.hold) {
    const held = verifyScanHold(meta.hold, input.token.trim(), session.qrSecret, scannedAt);
    if (held) {
      verdict = { ok: true, isGrace: held.isGrace };
      at = held.scannedAt;
    }
  }
  if (!verdict.ok) throw verdict.reason === 'expired' ? expiredCode() : badToken();
  const phase = sessionPhaseOf(session, at);
  if (phase === 'cancelled') throw invalidState('该场次已取消', 'This session was cancelled');
  if (phase === 'upcoming')
    throw invalidState(
      `签到尚未开始（开始前 ${SIGN_IN_OPENS_MINUTES_BEFORE} 分钟开放）`,
      `Sign-in opens ${SIGN_IN_OPENS_MINUTES_BEFORE} minutes before the start`,
    );
  if (phase === 'ended') throw invalidState('培训已结束，签到已关闭', 'The session has ended; sign-in is closed');
  const isExpected = !session.rosterClosedAt && (session.audience !== 'group' || !session.groupId || teacher.groupId === session.groupId);
  if (!isExpected) throw invalidState('您不在本场培训的参训名单中', 'You are not expected at this session');
  const deviceId = input.deviceId?.trim().slice(0, 64) || null;
  if (input.deviceId !== undefined && input.deviceId !== null && !deviceId) throw invalidField('deviceId', '设备标识无效', 'invalid device id');
  const outcome = await recordSelfSignIn(
    db,
    actor,
    { session, teacherId: teacher.id, mode: parsed.mode, isGrace: verdict.isGrace, deviceId, clientIp: meta.ip, policy: policy.training },
    at,
  );
  return { ...outcome, session: { id: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt } };
}
