import { resolve } from 'node:path';
import { invalidField } from '#core/errors';
import { parseTrustProxy } from './security-headers';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  filesDir: string;
  webDir: string;
  /** TRUST_PROXY: behind a reverse proxy, its X-Forwarded-For/-Proto are believed. */
  trustProxy: boolean | number | string | undefined;
  /** DB_POOL_MAX: PostgreSQL connections this process may open at most (default 10). */
  dbPoolMax: number | undefined;
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for requests and the scheduler to finish (default 30 s). */
  shutdownTimeoutMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw invalidField('PORT', `端口无效：${env.PORT}`, `invalid port ${env.PORT}`);
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw invalidField('DATABASE_URL', '须以 postgres:// 开头', 'must start with postgres://');
  }
  const dbPoolMax = env.DB_POOL_MAX?.trim() ? Number(env.DB_POOL_MAX) : undefined;
  if (dbPoolMax !== undefined && (!Number.isInteger(dbPoolMax) || dbPoolMax < 2 || dbPoolMax > 1000)) {
    throw invalidField('DB_POOL_MAX', `连接池大小须为 2–1000 的整数：${env.DB_POOL_MAX}`, `must be a whole number from 2 to 1000: ${env.DB_POOL_MAX}`);
  }
  const shutdownTimeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? 30_000);
  if (!Number.isFinite(shutdownTimeoutMs) || shutdownTimeoutMs < 0) {
    throw invalidField('SHUTDOWN_TIMEOUT_MS', `关闭等待时间无效：${env.SHUTDOWN_TIMEOUT_MS}`, `invalid shutdown timeout ${env.SHUTDOWN_TIMEOUT_MS}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    filesDir: resolve(cwd, env.FILES_DIR ?? `${dataDir}/files`),
    webDir: resolve(cwd, env.WEB_DIR ?? 'web/dist'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    dbPoolMax,
    shutdownTimeoutMs,
  };
}
