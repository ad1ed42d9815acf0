// The one way the web app talks to the server: JSON, the CSRF header on writes,
// and errors as { code, message } in the chosen language.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field?: string; row?: number; column?: string; reason: string }[],
  ) {
    super(message);
  }
}

let csrfToken = '';
let locale: 'zh-CN' | 'en' = 'zh-CN';

export const setCsrfToken = (t: string) => {
  csrfToken = t;
};
export const setApiLocale = (l: 'zh-CN' | 'en') => {
  locale = l;
};

let onUnauthorized: () => void = () => undefined;
/** Called when the server answers 401 outside /auth/: the session ended, the shell signs out. */
export const setUnauthorizedHandler = (fn: () => void) => {
  onUnauthorized = fn;
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = { 'x-locale': locale };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', locale === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络');
  }
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
    const d = (data ?? {}) as { code?: string; message?: string; details?: ApiError['details'] };
    throw new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? res.statusText, d.details);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {});
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);

/** Downloads a file the server generates (Excel exports, printable forms). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api${path}`, { headers: { 'x-locale': locale }, credentials: 'same-origin' });
  if (!res.ok) {
    if (res.status === 401) onUnauthorized();
    const d = safeJson(await res.text()) as { code?: string; message?: string };
    throw new ApiError(res.status, d?.code ?? 'HTTP', d?.message ?? res.statusText);
  }
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? decodeURIComponent(m[1]) : fallbackName;
  a.click();
  URL.revokeObjectURL(a.href);
}
