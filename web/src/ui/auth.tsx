import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { ApiError, get, post, setCsrfToken, setUnauthorizedHandler } from './api';
import { setOrgUtcOffset } from './time';

export interface Me {
  userId: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  locale: 'zh-CN' | 'en';
  csrfToken: string;
}

interface Auth {
  me: Me | null;
  isLoading: boolean;
  /** The server could not be reached to ask who is signed in. */
  isOffline: boolean;
  retry: () => void;
  can: (permission: string) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** Times on every page follow the organisation's zone: read it once per sign-in. */
async function loadTimeZone() {
  try {
    const tz = await get<{ utcOffsetMinutes: number }>('/policy/time-zone');
    setOrgUtcOffset(tz.utcOffsetMinutes);
  } catch {
    // Keep the default (China Standard Time) when the policy cannot be read.
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { data, isLoading, error, refetch } = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await get<Me>('/auth/me');
        setCsrfToken(me.csrfToken);
        await loadTimeZone();
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const me = data ?? null;

  // A 401 from any page means the session ended (expired, signed out elsewhere, restored
  // backup): drop what the page showed and go to the sign-in page, which brings the person back.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (qc.getQueryData(['me'])) {
        setCsrfToken('');
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
        qc.setQueryData(['me'], null);
      }
    });
    return () => setUnauthorizedHandler(() => undefined);
  }, [qc]);

  const value: Auth = {
    me,
    isLoading,
    isOffline: !me && error instanceof ApiError && error.status === 0,
    retry: () => void refetch(),
    can: (p) => !!me?.permissions.includes(p),
    login: async (username, password) => {
      const m = await post<Me>('/auth/login', { username, password });
      setCsrfToken(m.csrfToken);
      await loadTimeZone();
      // Drop the previous person's data but keep the ['me'] query the provider watches.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], m);
      return m;
    },
    logout: async () => {
      await post('/auth/logout').catch(() => undefined);
      setCsrfToken('');
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], null);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('AuthProvider missing');
  return a;
}
