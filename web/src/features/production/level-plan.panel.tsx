import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Progress, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { get, post } from '../../ui/api';
import { type ChartOption, EChart } from '../../ui/chart';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { PlanView } from './production.types';
import type { LevelPlanView } from '#production';

/** The solver's time limit on the server (level-plan.service: timeLimitSeconds). */
const SOLVER_LIMIT_SECONDS = 20;

// Issue 14 item 12: HiGHS may take seconds on a quarter of many products; the tab says it is
// working and how long it has been, against the solver's time limit, instead of staying blank.
function SolverProgress() {
  const { t } = useI18n();
  const [started] = useState(() => Date.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [started]);
  return (
    <div data-testid="level-progress" style={{ marginBottom: 12 }}>
      <Typography.Text>
        {t(
          tx(
            `正在求解综合平衡方案（已用 ${seconds} 秒，最长 ${SOLVER_LIMIT_SECONDS} 秒）…`,
            `Solving the level plan (${seconds} s so far, at most ${SOLVER_LIMIT_SECONDS} s)…`,
          ),
        )}
      </Typography.Text>
      <Progress percent={Math.min(99, Math.round((seconds / SOLVER_LIMIT_SECONDS) * 100))} status="active" showInfo={false} />
    </div>
  );
}

type LevelPlan = LevelPlanView;

/** PP-7 (T1 6): the level plan on the bottleneck workshop, drawn; stock builds and draws around capacity. */
export function LevelPlanPanel({ plan }: { plan: PlanView }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['production', 'plan', plan.id, 'level'], queryFn: () => get<LevelPlan>(`/production/plans/${plan.id}/level`) });
  const apply = useMutation({
    mutationFn: () => post(`/production/plans/${plan.id}/level/apply`, { version: plan.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['production', 'plan', plan.id] }),
  });
  const option = useMemo<ChartOption | null>(() => {
    const r = q.data?.result;
    if (r?.status !== 'optimal') return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t(tx('需求', 'Demand')), t(tx('生产', 'Production')), t(tx('期末库存', 'Stock')), t(tx('外协', 'Outsourced'))] },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: q.data!.months },
      yAxis: { type: 'value' },
      series: [
        { name: t(tx('需求', 'Demand')), type: 'line', data: r.periods.map((p) => Math.round(p.demand)) },
        { name: t(tx('生产', 'Production')), type: 'bar', data: r.periods.map((p) => Math.round(p.production)) },
        { name: t(tx('期末库存', 'Stock')), type: 'bar', data: r.periods.map((p) => Math.round(p.inventory)) },
        { name: t(tx('外协', 'Outsourced')), type: 'bar', data: r.periods.map((p) => Math.round(p.subcontract)) },
      ],
    };
  }, [q.data, t]);
  if (!q.data) return q.isFetching ? <SolverProgress /> : <ErrorAlert error={q.error} />;
  if (!q.data.bottleneck)
    return <Typography.Text type="secondary">{t(tx('没有已批准的销售计划或订单可供平衡', 'No approved demand to level'))}</Typography.Text>;
  return (
    <div data-testid="level-plan">
      {q.isFetching && <SolverProgress />}
      <ErrorAlert error={apply.error} />
      <Typography.Paragraph>
        {t(
          tx(
            `瓶颈车间：${q.data.bottleneck.name}。均衡生产：需求低于产能时增加库存，高于产能时动用库存，其次加班和外协（T1 第6条）。`,
            `Bottleneck: ${q.data.bottleneck.name}. Level production: build stock below capacity, draw it above, then overtime and outsourcing (T1 6).`,
          ),
        )}
      </Typography.Paragraph>
      {q.data.result?.status !== 'optimal' && (
        <Alert type="error" showIcon message={q.data.result?.infeasibility?.message ?? t(tx('无可行方案', 'No feasible plan'))} />
      )}
      {option && <EChart option={option} height={300} testId="level-chart" />}
      {plan.canEdit && option && (
        <Button type="primary" onClick={() => apply.mutate()} loading={apply.isPending}>
          {t(tx('采用均衡方案写入计划', 'Use the level plan'))}
        </Button>
      )}
    </div>
  );
}
