export { buildApp } from './app';
export type { AppOptions } from './app';
export { readConfig } from './config';
export type { ServerConfig } from './config';
export { demoLogins, seedDemo } from './demo/demo-seed';
export { DEMO_PASSWORD } from './demo/demo-orgs';
export { makeContext, openAppDatabase } from './runtime';
export { startScheduler } from './scheduler';
export { ensureWebBuilt, startServer } from './start';
