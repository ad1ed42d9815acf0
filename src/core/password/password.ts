import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../errors';
import { findUnsafeCharacter } from '../validation';
import { isCommonPassword } from './common-passwords';

// argon2id (the library default algorithm) with OWASP's minimum memory cost.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (plain: string): Promise<string> => hash(plain, OPTIONS);

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** The policy for a new password; `username` is the account's, which it must not be or contain. */
export function assertStrongPassword(plain: string, field = 'password', username?: string): void {
  if (findUnsafeCharacter(plain)) throw invalidField(field, '密码含有不允许的控制字符', 'must not contain control characters');
  if (plain.length < 8) throw invalidField(field, '密码至少 8 位', 'must be at least 8 characters');
  if (!/[A-Za-z]/.test(plain) || !/[0-9]/.test(plain)) {
    throw invalidField(field, '密码需同时包含字母和数字', 'must contain letters and digits');
  }
  const name = username?.trim().toLowerCase();
  if (name && (plain.toLowerCase() === name || (name.length >= 4 && plain.toLowerCase().includes(name)))) {
    throw invalidField(field, '密码不能与用户名相同或包含用户名', 'must not be or contain the username');
  }
  if (isCommonPassword(plain)) throw invalidField(field, '密码过于常见，容易被猜中，请换一个', 'is one of the most common passwords; choose another');
}
