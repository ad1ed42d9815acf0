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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw invalidField('PORT', `端口无效：${env.PORT}`, `invalid port ${env.PORT}`);
  const dataDir = resolve(cwd, env.DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw invalidField('DATABASE_URL', '须以 postgres:// 开头', 'must start with postgres://');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    filesDir: resolve(cwd, env.FILES_DIR ?? `${dataDir}/files`),
    webDir: resolve(cwd, env.WEB_DIR ?? 'web/dist'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
