import { useQuery } from '@tanstack/react-query';
import { get } from './api';

// Issue 12: the organisation's modules, as GET /org/modules lists them. The menu shows only the
// sections of modules that are on; pages hide what belongs to a module that is off (a school has
// no 金额: money penalties come from the production regulation).

export interface OrgModule {
  name: string;
  isOn: boolean;
}

export function useOrgModules() {
  return useQuery({ queryKey: ['org', 'modules'], queryFn: () => get<OrgModule[]>('/org/modules'), staleTime: 60_000 });
}

/** Whether the module is on; false until the list has loaded (nothing of an off module flashes). */
export function useModuleOn(name: string): boolean {
  return useOrgModules().data?.some((m) => m.name === name && m.isOn) ?? false;
}
