import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { useModuleOn } from '../../ui/modules';
import { ErrorAlert } from '../../ui/page';
import { PrintButton, type PrintColumn, PrintSheet } from '../../ui/print-sheet';
import { type Finding, type FindingList, type FindingState, formatYuan, STATE_LABELS, verdictLabel } from './finding.types';

/** The findings list as an A4 form (CORE-11 printable forms), with the same filters as the list. */
export function FindingsPrintPage() {
  const { t, locale } = useI18n();
  // A school's findings carry no money (penalties in yuan are the production regulation's).
  const money = useModuleOn('production');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const query = params.toString();
  const list = useQuery({ queryKey: ['findings', 'print', query], queryFn: () => get<FindingList>(`/assessment/findings?limit=1000&${query}`) });
  const today = dayjs();
  const state = params.get('state') as FindingState | null;
  const en = locale === 'en';
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/assessment?${query}`)}>
          {t(tx('返回列表', 'Back to the list'))}
        </Button>
        <PrintButton disabled={!list.data} />
      </Space>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Spin />}
      {list.data && (
        <PrintSheet<Finding>
          title={t(tx('考核结果汇总表', 'Assessment findings'))}
          meta={[
            { label: t(tx('编号', 'No.')), value: `KH-${today.format('YYYYMMDD')}` },
            { label: t(tx('期间', 'Period')), value: params.get('period') ?? t(tx('全部', 'All')) },
            { label: t(tx('状态', 'State')), value: state ? t(STATE_LABELS[state].text) : t(tx('全部', 'All')) },
            { label: t(tx('日期', 'Date')), value: today.format('YYYY-MM-DD') },
          ]}
          rows={list.data.items}
          rowKey={(f) => f.id}
          columns={(
            [
              { key: 'subject', title: t(tx('考核对象', 'Subject')), width: '18%', render: (f) => f.subjectLabel },
              { key: 'clause', title: t(tx('依据条款', 'Clause')), width: '13%', render: (f) => f.clause },
              { key: 'summary', title: t(tx('事实与说明', 'Facts')), render: (f) => (en ? f.summaryEn : f.summaryZh) },
              { key: 'verdict', title: t(tx('结论', 'Verdict')), width: '9%', render: (f) => t(verdictLabel(f.verdict)) },
              {
                key: 'amount',
                title: t(tx('金额（元）', 'Amount (yuan)')),
                width: '13%',
                align: 'right',
                render: (f) => `${formatYuan(f.amount)}${f.isFalsified ? t(tx('（加倍）', ' (doubled)')) : ''}`,
              },
              { key: 'state', title: t(tx('状态', 'State')), width: '10%', render: (f) => t(STATE_LABELS[f.state].text) },
            ] as PrintColumn<Finding>[]
          ).filter((c) => money || c.key !== 'amount')}
        >
          {t(tx('合计：', 'Total: '))}
          {list.data.total.count} {t(tx('项', 'findings'))}
          {money && (
            <>
              {t(tx('，金额', ', amount'))} {formatYuan(list.data.total.amount)}
              {t(tx('（不含已撤销）', ' (excluding withdrawn)'))}
            </>
          )}
        </PrintSheet>
      )}
    </div>
  );
}
