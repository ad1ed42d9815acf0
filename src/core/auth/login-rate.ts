import { AppError } from '../errors';

// Per-address sliding window in memory: it slows guessing across many usernames,
// while the per-account lockout (in the database) stops guessing one password.
const WINDOW_MS = 60_000;
const MAX_PER_WINDOW = 20;
const attempts = new Map<string, number[]>();

export function checkLoginRate(ip: string, now: Date, max = MAX_PER_WINDOW): void {
  const t = now.getTime();
  const recent = (attempts.get(ip) ?? []).filter((x) => t - x < WINDOW_MS);
  if (recent.length >= max) {
    attempts.set(ip, recent);
    throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', 'Too many sign-in attempts; try again later');
  }
  recent.push(t);
  attempts.set(ip, recent);
  if (attempts.size > 10_000) attempts.clear();
}

export function resetLoginRate(): void {
  attempts.clear();
}
