import QRCode from 'qrcode';
import { type Actor, hasPermission } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState } from '#core/errors';
import { getPolicy } from '#core/policy';
import { findRosterTeacherIds, findTeacherOfUser, getMyTeacher } from '../teacher';
import { getSessionRow, SIGN_IN_OPENS_MINUTES_BEFORE, type SessionRow, sessionPhaseOf } from '../session';
import { issueQrToken, parseQrToken, type QrMode, verifyQrToken } from './qr-token.rules';
import { recordSelfSignIn, type SignInOutcome } from './attendance.service';

const badToken = () =>
  new AppError('VALIDATION_FAILED', '二维码无效，请扫描培训现场屏幕上的签到二维码', 'This is not a valid sign-in code; scan the code on the screen in the room', [
    { field: 'token', reason: 'invalid' },
  ]);

/** A session this person may show the QR code of: the office, the recorder role, or the session's trainer or recorder. */
async function assertCanShowQr(db: Db, actor: Actor, s: SessionRow): Promise<void> {
  if (hasPermission(actor, 'training.attendance.record') || hasPermission(actor, 'training.session.manage')) return;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (me && (me.id === s.trainerTeacherId || me.id === s.recorderTeacherId)) return;
  throw new AppError('FORBIDDEN', '只有主讲人、记录员或培训管理人员可以显示签到码', 'Only the trainer, the recorder or the training office may show the sign-in code');
}

export interface ScreenQr {
  token: string;
  url: string;
  svg: string;
  mode: QrMode;
  expiresAt: Date;
  periodSeconds: number;
  phase: ReturnType<typeof sessionPhaseOf>;
}

/** ST-4: the code for the room's screen, a new one every `qrTokenSeconds` (policy). */
export async function getScreenQr(db: Db, actor: Actor, sessionId: string, mode: QrMode, origin: string, now: Date): Promise<ScreenQr> {
  const session = await getSessionRow(db, actor.orgId, sessionId);
  await assertCanShowQr(db, actor, session);
  const policy = await getPolicy(db, actor.orgId);
  const phase = sessionPhaseOf(session, now);
  const { token, expiresAt } = issueQrToken(session, mode, now, policy.training.qrTokenSeconds);
  const url = `${origin}/public/sign-in?t=${encodeURIComponent(token)}`;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { token, url, svg, mode, expiresAt, periodSeconds: policy.training.qrTokenSeconds, phase };
}

export interface ScanInput {
  token: string;
  /** A random id the phone keeps in its storage: one phone signing in many teachers is flagged. */
  deviceId?: string | null;
}

/** ST-4: the teacher's phone scanned the screen; the token decides the session, the account decides who. */
export async function signInWithQr(db: Db, actor: Actor, input: ScanInput, meta: { ip: string | null }, now: Date): Promise<SignInOutcome & { session: { id: string; title: string; startsAt: Date; endsAt: Date } }> {
  const teacher = await getMyTeacher(db, actor);
  const parsed = parseQrToken(input.token);
  if (!parsed) throw badToken();
  let session: SessionRow;
  try {
    session = await getSessionRow(db, actor.orgId, parsed.sessionId);
  } catch {
    // Another school's code, or a made-up one: the same answer, nothing about the other session.
    throw badToken();
  }
  const policy = await getPolicy(db, actor.orgId);
  const verdict = verifyQrToken(parsed, session.qrSecret, now, policy.training.qrTokenSeconds, policy.training.graceSeconds);
  if (!verdict.ok) {
    if (verdict.reason === 'expired') {
      throw new AppError('VALIDATION_FAILED', '二维码已过期，请扫描屏幕上最新的二维码', 'This code has expired; scan the current code on the screen', [{ field: 'token', reason: 'expired' }]);
    }
    throw badToken();
  }
  const phase = sessionPhaseOf(session, now);
  if (phase === 'cancelled') throw invalidState('该场次已取消', 'This session was cancelled');
  if (phase === 'upcoming') throw invalidState(`签到尚未开始（开始前 ${SIGN_IN_OPENS_MINUTES_BEFORE} 分钟开放）`, `Sign-in opens ${SIGN_IN_OPENS_MINUTES_BEFORE} minutes before the start`);
  if (phase === 'ended') throw invalidState('培训已结束，签到已关闭', 'The session has ended; sign-in is closed');
  const roster = session.rosterClosedAt ? [] : await findRosterTeacherIds(db, actor.orgId, session);
  if (!roster.includes(teacher.id)) throw invalidState('您不在本场培训的参训名单中', 'You are not expected at this session');
  const deviceId = input.deviceId?.trim().slice(0, 64) || null;
  if (input.deviceId !== undefined && input.deviceId !== null && !deviceId) throw invalidField('deviceId', '设备标识无效', 'invalid device id');
  const outcome = await recordSelfSignIn(db, actor, { session, teacherId: teacher.id, mode: parsed.mode, isGrace: verdict.isGrace, deviceId, clientIp: meta.ip }, now);
  return { ...outcome, session: { id: session.id, title: session.title, startsAt: session.startsAt, endsAt: session.endsAt } };
}
