import { Progress, Table, Tag, Typography } from 'antd';
import { tx, useI18n } from '../../ui/i18n';
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
      <Table<CreditLine>
        rowKey={(l, i) => `${l.refId}-${l.category}-${i}`}
        size="small"
        dataSource={report.lines}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 700 }}
        columns={[
          { title: t(tx('日期', 'Date')), dataIndex: 'date', width: 100 },
          { title: t(tx('项目', 'Item')), dataIndex: 'title' },
          { title: t(tx('类别', 'Category')), dataIndex: 'category', width: 130, render: (c: string) => t(CATEGORY_LABELS[c]) },
          { title: t(tx('学时', 'Hours')), dataIndex: 'hours', width: 60 },
          { title: t(tx('学分', 'Credits')), dataIndex: 'credits', width: 60 },
          { title: t(tx('计算说明', 'Why')), render: (_: unknown, l: CreditLine) => l.notes.map((n) => t(n)).join('；') },
        ]}
      />
    </>
  );
}
