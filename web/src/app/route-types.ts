import type { ReactNode } from 'react';
import type { Text } from '../ui/i18n';

export type MenuSection = 'home' | 'production' | 'training' | 'league' | 'district' | 'admin' | 'platform';

/** A page of the app; `menu` puts it in the navigation for people with `permission`. */
export interface AppRoute {
  path: string;
  element: ReactNode;
  /** `module`: shown only where that module is on (a page of one kind of organisation in a shared section). */
  menu?: { section: MenuSection; label: Text; permission?: string; order?: number; module?: string };
}

/**
 * The one menu entry a page belongs to: the longest menu path that is the page's path or a
 * folder above it (on /district/teachers that is 教师学时, not also 学区总览 at /district).
 */
export function selectedMenuPath(menuPaths: readonly string[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const p of menuPaths) {
    const isMatch = p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`);
    if (isMatch && (!best || p.length > best.length)) best = p;
  }
  return best;
}
