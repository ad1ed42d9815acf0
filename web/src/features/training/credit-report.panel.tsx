import { Progress, Tag, Typography } from 'antd';
import { tx, useI18n } from '../../ui/i18n';
import { ListTable } from '../../ui/list-table';
import { CATEGORY_LABELS } from './training.labels';
import type { CreditLine, CreditReport } from './training.types';

/** ST-6: why each credit counts or is capped, line by line, with the year's progress. */
export function CreditReportPanel({ report }: { report: CreditReport }) {
  const { t } = useI18n();
  return (
    <>
      <Progress percent={Math.round(report.progress * 100)} status={report.isMet ? 'success' : 'active'} />
      <Typography.Paragraph data-testid="credit-total">
        {t(
          tx(
            `${report.schoolYear} 学年：${report.totalCredits} 学分 / 要求 ${report.required}${report.isMet ? '（已达标）' : `，还差 ${report.shortfall}`}`,
            `${report.schoolYear}: ${report.totalCredits} of ${report.required} credits${report.isMet ? ' (met)' : `, ${report.shortfall} to go`}`,
          ),
        )}
      </Typography.Paragraph>
      <div style={{ marginBottom: 8 }}>
        {report.categories.map((c) => (
          <Tag key={c.category} color={c.isCapped ? 'orange' : 'blue'}>
            {t(CATEGORY_LABELS[c.category])} {c.credits}
            {c.cap !== null ? ` / ${t(tx('上限', 'cap'))} ${c.cap}` : ''}
          </Tag>
        ))}
      </div>
      {/* On a phone each line is a card: item, credits and the reason stay on screen (issue 13 item 11). */}
      <ListTable<CreditLine & { key: string }>
        rowKey="key"
        rows={report.lines.map((l, i) => ({ ...l, key: `${l.refId}-${l.category}-${i}` }))}
        pageSize={20}
        scrollX={700}
        testId="credit-lines"
        columns={[
          { key: 'date', title: t(tx('日期', 'Date')), dataIndex: 'date', width: 100 },
          { key: 'title', title: t(tx('项目', 'Item')), dataIndex: 'title', card: 'title' },
          { key: 'category', title: t(tx('类别', 'Category')), dataIndex: 'category', width: 130, render: (c: string) => t(CATEGORY_LABELS[c]) },
          { key: 'hours', title: t(tx('学时', 'Hours')), dataIndex: 'hours', width: 60 },
          {
            key: 'credits',
            title: t(tx('学分', 'Credits')),
            dataIndex: 'credits',
            width: 60,
            card: 'status',
            render: (c: number) => <span data-testid="credit-line-credits">{t(tx(`${c} 学分`, `${c} credits`))}</span>,
          },
          {
            key: 'why',
            title: t(tx('计算说明', 'Why')),
            render: (_: unknown, l: CreditLine) => <span data-testid="credit-line-why">{l.notes.map((n) => t(n)).join('；')}</span>,
          },
        ]}
      />
    </>
  );
}
