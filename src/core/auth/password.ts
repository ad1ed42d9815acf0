import { hash, verify } from '@node-rs/argon2';
import { invalidField } from '../errors';

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

export function assertStrongPassword(plain: string, field = 'password'): void {
  if (plain.length < 8) throw invalidField(field, '密码至少 8 位', 'must be at least 8 characters');
  if (!/[A-Za-z]/.test(plain) || !/[0-9]/.test(plain)) {
    throw invalidField(field, '密码需同时包含字母和数字', 'must contain letters and digits');
  }
}
