// Password hashing and strength rules. Its own module so that core/auth (sign-in) and
// core/org (people) both use it without importing each other.
export { assertStrongPassword, hashPassword, verifyPassword } from './password';
export { isCommonPassword } from './common-passwords';
