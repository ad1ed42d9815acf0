import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from './api';
import { type Text, useI18n } from './i18n';

export function Page({ title, extra, children }: { title: Text; extra?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="zd-page">
      <div className="zd-page-head">
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t(title)}
        </Typography.Title>
        <div>{extra}</div>
      </div>
      {children}
    </div>
  );
}

/**
 * Shows a server error as the user's own language sentence, with the fields it names in words:
 * a form passes the labels of its fields; a field it does not name is left out, never shown by
 * its key (issue 15 item 1).
 */
export function ErrorAlert({ error, fieldLabels }: { error: unknown; fieldLabels?: Record<string, Text> }) {
  const { t } = useI18n();
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'ERROR', String((error as Error)?.message ?? error));
  const details = e.details?.filter((d) => d.field || d.row) ?? [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={e.message}
      description={
        details.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {details.slice(0, 20).map((d, i) => (
              <li key={i}>
                {d.row ? t({ zh: `第 ${d.row} 行 `, en: `Row ${d.row} ` }) : ''}
                {detailSubject(d, fieldLabels, t)}
                {d.reason}
              </li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** The words a detail line starts with: the Excel column, the form's label for the field, or nothing. */
function detailSubject(d: { field?: string; column?: string }, labels: Record<string, Text> | undefined, t: (x: Text) => string): string {
  if (d.column) return `${d.column}：`;
  if (!d.field || !labels) return '';
  const label = labels[d.field] ?? labels[d.field.split('.')[0] ?? ''];
  return label ? `${t(label)}：` : '';
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
