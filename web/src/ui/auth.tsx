import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, get, post, setCsrfToken } from './api';

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
  can: (permission: string) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { data, isLoading } = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await get<Me>('/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const me = data ?? null;
  const value: Auth = {
    me,
    isLoading,
    can: (p) => !!me?.permissions.includes(p),
    login: async (username, password) => {
      const m = await post<Me>('/auth/login', { username, password });
      setCsrfToken(m.csrfToken);
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
