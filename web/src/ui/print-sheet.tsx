import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { type CSSProperties, isValidElement, type ReactNode } from 'react';
import type { PrintHeader } from '#core/excel';
import { get } from './api';
import { tx, useI18n } from './i18n';

// A4 forms (plans, notices, sign-in sheets, findings). On screen they show as a sheet of
// paper; on paper only the sheet prints. Exports for re-import stay clean Excel tables.

export interface PrintColumn<T> {
  key: string;
  title: ReactNode;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
  render?: (row: T, index: number) => ReactNode;
}

/** A signature line already signed electronically: who (and in which role) and when. */
export interface PrintSignature {
  label: ReactNode;
  signer?: ReactNode;
  date?: ReactNode;
}

const isSigned = (s: ReactNode | PrintSignature): s is PrintSignature => typeof s === 'object' && s !== null && !isValidElement(s) && 'label' in s;

export interface PrintMeta {
  label: ReactNode;
  value: ReactNode;
}

export interface PrintSheetProps<T> {
  /** The form's Chinese title, e.g. 考核结果汇总表. */
  title: ReactNode;
  /** Defaults to the signed-in organisation's name. */
  organisation?: ReactNode;
  /** Lines under the title: 编号, 日期, 期间 … */
  meta?: PrintMeta[];
  columns: PrintColumn<T>[];
  rows: T[];
  rowKey?: (row: T, index: number) => string;
  /** Text or content between the table and the signatures (notes, totals). */
  children?: ReactNode;
  /** Signature roles; 编制 / 审核 / 批准 by default. Pass [] for none. A PrintSignature fills its line. */
  signatures?: (ReactNode | PrintSignature)[];
  /** Blank rows keep a sign-in sheet long enough to write on. */
  minRows?: number;
}

const PRINT_CSS = `
@page { size: A4; margin: 15mm 12mm; }
.zd-print-sheet { background: #fff; color: #000; max-width: 210mm; margin: 0 auto; padding: 12mm 10mm; box-shadow: 0 0 8px rgba(0,0,0,.12);
  font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; font-size: 12pt; }
.zd-print-sheet h1 { text-align: center; font-size: 18pt; letter-spacing: 2px; margin: 0 0 4mm; }
.zd-print-org { text-align: center; font-size: 13pt; margin-bottom: 2mm; }
.zd-print-meta { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 8mm; margin: 3mm 0; font-size: 10.5pt; }
.zd-print-table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
.zd-print-table th, .zd-print-table td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; overflow-wrap: anywhere; }
.zd-print-table th { background: #f2f2f2; font-weight: 600; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.zd-print-table tr { page-break-inside: avoid; }
.zd-print-table thead { display: table-header-group; }
.zd-print-body { margin-top: 3mm; font-size: 10.5pt; }
.zd-print-signs { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4mm 6mm; margin-top: 10mm; font-size: 11pt; page-break-inside: avoid; }
.zd-print-sign { white-space: nowrap; }
.zd-print-sign span { display: inline-block; min-width: 16mm; border-bottom: 1px solid #000; }
.zd-print-scroll { overflow-x: auto; }
@media (max-width: 767px) { .zd-print-sheet { padding: 4mm; box-shadow: none; font-size: 11pt; } }
@media print {
  .zd-print-sheet { box-shadow: none; padding: 0; max-width: none; }
  .zd-print-scroll { overflow: visible; }
  .zd-page-head { display: none !important; }
}
`;

/** The signed-in organisation's name for the form header. */
export function usePrintHeader() {
  return useQuery({ queryKey: ['print-header'], queryFn: () => get<PrintHeader>('/print/header'), staleTime: 10 * 60_000 });
}

export function PrintSheet<T>({ title, organisation, meta = [], columns, rows, rowKey, children, signatures, minRows = 0 }: PrintSheetProps<T>) {
  const { t } = useI18n();
  const header = usePrintHeader();
  const signs = signatures ?? [t(tx('编制', 'Prepared by')), t(tx('审核', 'Reviewed by')), t(tx('批准', 'Approved by'))];
  const blanks = Math.max(0, minRows - rows.length);
  const colon = t(tx('：', ': '));
  const cell = (c: PrintColumn<T>): CSSProperties => ({ width: c.width, textAlign: c.align ?? 'left' });
  return (
    <div className="zd-print-sheet">
      <style>{PRINT_CSS}</style>
      <div className="zd-print-org">{organisation ?? header.data?.organisation ?? ''}</div>
      <h1>{title}</h1>
      {meta.length > 0 && (
        <div className="zd-print-meta">
          {meta.map((m, i) => (
            <span key={i}>
              {m.label}
              {colon}
              {m.value}
            </span>
          ))}
        </div>
      )}
      <div className="zd-print-scroll">
        <table className="zd-print-table">
          <thead>
            <tr>
              <th style={{ width: '10mm', textAlign: 'center' }}>{t(tx('序号', 'No.'))}</th>
              {columns.map((c) => (
                <th key={c.key} style={cell(c)}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={rowKey ? rowKey(r, i) : i}>
                <td style={{ textAlign: 'center' }}>{i + 1}</td>
                {columns.map((c) => (
                  <td key={c.key} style={cell(c)}>
                    {c.render ? c.render(r, i) : String((r as Record<string, unknown>)[c.key] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
            {Array.from({ length: blanks }, (_, i) => (
              <tr key={`blank-${i}`}>
                <td style={{ textAlign: 'center' }}>{rows.length + i + 1}</td>
                {columns.map((c) => (
                  <td key={c.key}>&nbsp;</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children && <div className="zd-print-body">{children}</div>}
      {signs.length > 0 && (
        <div className="zd-print-signs">
          {signs.map((s, i) => {
            const line = isSigned(s) ? s : { label: s };
            return (
              <div key={i} className="zd-print-sign" data-testid="print-signature">
                {line.label}
                {colon}
                <span>{line.signer}</span> {t(tx('日期', 'Date'))}
                {colon}
                <span>{line.date}</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** The print button for a form page; it does not print itself. */
export function PrintButton({ disabled }: { disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <Button className="zd-no-print" type="primary" icon={<PrinterOutlined />} disabled={disabled} onClick={() => window.print()}>
      {t(tx('打印 / 另存为 PDF', 'Print / save as PDF'))}
    </Button>
  );
}
