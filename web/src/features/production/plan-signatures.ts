import { useQuery } from '@tanstack/react-query';
import type { PlanSignatures } from '#production';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import type { PrintSignature } from '../../ui/print-sheet';

const DECISION = {
  prepared: tx('编制', 'prepared'),
  submitted: tx('提交', 'submitted'),
  approved: tx('同意', 'approved'),
  rejected: tx('退回', 'rejected'),
  confirmed: tx('确认', 'confirmed'),
} as const;

/** Issue 14 item 11: the plan's signature lines as the approval engine recorded them. */
export function usePlanSignatures(planId: string) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['production', 'plan', planId, 'signatures'],
    queryFn: () => get<PlanSignatures>(`/production/plans/${planId}/signatures`),
    enabled: !!planId,
  });
  const lines: PrintSignature[] | undefined = q.data?.lines.map((l) => ({
    label: t(l.label),
    signer: l.actorName
      ? `${l.actorName}${l.role ? t(tx(`（${l.role.zh}）`, ` (${l.role.en})`)) : ''} ${l.decision ? t(DECISION[l.decision]) : ''}`.trim()
      : undefined,
    date: l.atLocal ?? undefined,
  }));
  return { ...q, lines };
}
