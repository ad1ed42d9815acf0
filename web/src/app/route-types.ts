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
