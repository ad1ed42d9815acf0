import { useQuery } from '@tanstack/react-query';
import { get } from '../../../ui/api';
import { formatAt } from './equipment.labels';

/** Times as the plant reads them: in its own time zone (the policy's calendar), not the browser's. */
export function useOrgTime(): (iso: string | null | undefined) => string {
  const q = useQuery({
    queryKey: ['equipment', 'utc-offset'],
    queryFn: () => get<{ values: { calendar: { utcOffsetMinutes: number } } }>('/policy'),
    select: (p) => p.values.calendar.utcOffsetMinutes,
    staleTime: 10 * 60_000,
  });
  // Until the policy arrives, China's offset (every preset's calendar).
  const offset = q.data ?? 480;
  return (iso) => formatAt(iso, offset);
}
