import type { RequisitionView } from '#production';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { PrintButton, PrintSheet } from '../../../ui/print-sheet';
import { fmt } from '../production.labels';
import { daysText, STAGES } from './requisition.labels';
import { useRequisition } from './requisition.page';

type Line = RequisitionView['lines'][number];
const num = (n: number) => <span style={{ whiteSpace: 'nowrap' }}>{fmt(n)}</span>;

/** The printable 领料单 with its QR code: the warehouse keeper scans it to open the issue page. */
export function RequisitionPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const q = useRequisition(id);
  const qr = useQuery({
    queryKey: ['production', 'requisition-qr', id],
    queryFn: () => get<{ url: string; svg: string }>(`/production/requisitions/${id}/qr`),
  });
  const r = q.data;
  return (
    <div>
      <Space className="zd-no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/production/requisitions/${id}`)}>
          {t(tx('返回', 'Back'))}
        </Button>
        <PrintButton disabled={!r} />
      </Space>
      {q.isLoading && <Spin />}
      <ErrorAlert error={q.error} />
      {r && (
        <PrintSheet<Line>
          title={t(tx('领料单', 'Material requisition'))}
          meta={[
            { label: t(tx('编号', 'No.')), value: r.number },
            { label: t(tx('领料车间', 'Workshop')), value: r.workshopName },
            { label: t(tx('生产日期', 'Plan days')), value: daysText(r.days) },
            { label: t(tx('状态', 'State')), value: t(STAGES[r.stage].text) },
          ]}
          rows={r.lines}
          rowKey={(l) => String(l.lineNo)}
          columns={[
            { key: 'code', title: t(tx('物料编码', 'Code')), width: '11%' },
            { key: 'name', title: t(tx('名称', 'Item')), width: '17%' },
            { key: 'spec', title: t(tx('规格', 'Spec')), width: '10%' },
            { key: 'unit', title: t(tx('单位', 'Unit')), width: '6%' },
            { key: 'normQty', title: t(tx('定额', 'Norm')), width: '12%', align: 'right', render: (l) => num(l.normQty) },
            { key: 'requestedQty', title: t(tx('申领', 'Asked')), width: '12%', align: 'right', render: (l) => num(l.requestedQty) },
            { key: 'issuedQty', title: t(tx('实发', 'Issued')), width: '12%', align: 'right', render: (l) => (l.issuedQty ? num(l.issuedQty) : '') },
            { key: 'reason', title: t(tx('备注', 'Note')), render: (l) => (l.isAboveNorm ? `${t(tx('超定额：', 'Above norm: '))}${l.reason}` : '') },
          ]}
          signatures={[
            `${t(tx('领料人', 'Requested by'))} ${r.requestedByName}`,
            `${t(tx('车间主任', 'Director'))} ${r.approvedByName ?? ''}`,
            ...(r.isAboveNorm ? [`${t(tx('超定额批准', 'Above norm'))} ${r.aboveNormApprovedByName ?? ''}`] : []),
            t(tx('发料人（仓库）', 'Issued by (warehouse)')),
          ]}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            {qr.data && (
              <img
                alt={t(tx('发料二维码', 'Issue QR code'))}
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.data.svg)}`}
                style={{ width: '28mm', height: '28mm' }}
                data-testid="requisition-qr"
              />
            )}
            <div>
              {t(
                tx(
                  '依据 T4 第二十八条，领料单经车间主任批准后，仓库凭批准的领料单核发材料。仓库扫描二维码即打开本单的发料页。',
                  'T4 art. 28: the warehouse issues against the requisition once the workshop director approves. Scan the code to open its issue page.',
                ),
              )}
              {r.note && (
                <div>
                  {t(tx('备注：', 'Note: '))}
                  {r.note}
                </div>
              )}
            </div>
          </div>
        </PrintSheet>
      )}
    </div>
  );
}
