export { loginThrottle, sessions } from './auth.schema';
export { SESSION_COOKIE } from './auth.routes';
export { authModule } from './auth.module';
export { changePassword, DEFAULT_AUTH_SETTINGS, login, logout, resolveSession } from './auth.service';
export type { AuthSettings, LoginMeta, LoginResult, SessionInfo } from './auth.service';
export { loadActor } from './actor-loader';
export { LOGIN_RATE, resetLoginRate } from './login-rate';
export { assertStrongPassword, hashPassword, verifyPassword } from '../password';
