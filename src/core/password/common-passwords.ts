// The passwords people choose first, from the published breach lists (international and
// Chinese). A password is refused when, without the digits and symbols at its ends and with
// common letter swaps undone (p@ssw0rd), it is one of these words, or when it is one of the
// whole strings below: 'Password2026', 'qwe123456', 'woaini1314' and 'abc12345' are all out.

export const COMMON_WORDS = new Set([
  'password', 'passwd', 'pass', 'qwerty', 'qwertyuiop', 'qwertyui', 'qwert', 'qwer', 'qwe', 'qweasd', 'qweasdzxc',
  'asdf', 'asdfgh', 'asdfghjkl', 'asd', 'zxc', 'zxcv', 'zxcvb', 'zxcvbn', 'zxcvbnm', 'qaz', 'qazwsx', 'qazwsxedc',
  'wsx', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'a', 'aa', 'aaa', 'aaaa', 'q', 'z', 'x',
  'iloveyou', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'tester', 'welcome', 'letmein', 'login',
  'changeme', 'default', 'secret', 'hello', 'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess',
  'football', 'baseball', 'soccer', 'superman', 'batman', 'michael', 'jordan', 'computer', 'internet', 'freedom',
  'whatever', 'trustno', 'starwars', 'pokemon', 'charlie', 'killer', 'ninja', 'mustang', 'access', 'flower',
  'woaini', 'wodemima', 'mima', 'aini', 'china', 'love', 'iloveu', 'woaiwojia', 'nihao', 'zhang', 'wang', 'li',
  'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'lin', 'luo',
  'qq', 'wangyi', 'baidu', 'taobao', 'weixin', 'wechat', 'school', 'teacher', 'student', 'xuexiao', 'laoshi',
  'company', 'gongsi', 'changzhang', 'xiaozhang',
]);

export const COMMON_WHOLE = new Set([
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'q1w2e3r4t5', 'zaq12wsx', '1qazxsw2', '1qaz2wsx3edc', 'a1b2c3',
  'a1b2c3d4', 'qwer1234', 'abcd1234', '1234qwer', '1234abcd', 'asdf1234', 'zxcv1234', 'qq123456', 'aa123456',
  'a1234567', 'a12345678', 'a123456789', 'woaini1314', 'woaini520', 'password1', 'iloveyou1', 'abc123456',
  'abc12345', 'abc123abc', '123abc', 'qwe123qwe', '5201314a', 'a5201314', '1314520a', 'p4ssw0rd', 'passw0rd1',
]);

const UNLEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '3': 'e', '$': 's', '5': 's', '1': 'i', '!': 'i', '7': 't' };

/** True for a password in (or a trivial variation of) the most common ones. */
export function isCommonPassword(plain: string): boolean {
  const lower = plain.toLowerCase();
  if (COMMON_WHOLE.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON_WORDS.has(core)) return true;
  const unleet = core.replace(/[@40$351!7]/g, (c) => UNLEET[c] ?? c);
  return COMMON_WORDS.has(unleet);
}
