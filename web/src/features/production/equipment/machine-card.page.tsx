import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import { ErrorAlert } from '../../../ui/page';
import { PrintButton, usePrintHeader } from '../../../ui/print-sheet';
import { FREQUENCIES } from './equipment.labels';
import type { MachineCard } from './equipment.types';

// 设备管理卡 (T4 第四十六条 一机一卡): one A6 card per machine, to stick on it. On paper each card
// is its own A6 page; on screen they stack.
const CARD_CSS = `
@page { size: A6 landscape; margin: 4mm; }
.zd-card { width: 140mm; min-height: 96mm; box-sizing: border-box; background: #fff; color: #000; border: 1.5px solid #000; padding: 4mm 5mm;
  margin: 0 auto 8mm; font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', serif; font-size: 10pt; display: flex; flex-direction: column; }
.zd-card h2 { text-align: center; font-size: 15pt; letter-spacing: 3px; margin: 0 0 1mm; }
.zd-card-org { text-align: center; font-size: 9pt; margin-bottom: 2mm; }
.zd-card-body { display: flex; gap: 4mm; }
.zd-card table { border-collapse: collapse; flex: 1; }
.zd-card td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
.zd-card td.k { width: 18mm; background: #f2f2f2; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.zd-card-qr { width: 34mm; text-align: center; font-size: 8pt; }
.zd-card-upkeep { margin-top: 2mm; font-size: 9pt; }
.zd-card-upkeep ol { margin: 0; padding-left: 5mm; }
@media (max-width: 600px) { .zd-card { width: 100%; min-height: 0; } .zd-card-body { flex-direction: column-reverse; align-items: center; } .zd-card table { width: 100%; } }
@media print { .zd-card { margin: 0; page-break-after: always; break-after: page; } .zd-page-head { display: none !important; } }
`;

export function MachineCardsPage() {
  const [params] = useSearchParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const header = usePrintHeader();
  const query = params.toString();
  const q = useQuery({ queryKey: ['equipment', 'cards', query], queryFn: () => get<MachineCard[]>(`/production/equipment/cards?${query}`) });
  return (
    <div>
      <style>{CARD_CSS}</style>
      <Space className="zd-no-print" style={{ marginBottom: 16 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t(tx('返回', 'Back'))}
        </Button>
        <PrintButton disabled={!q.data?.length} />
        <Typography.Text type="secondary">
          {t(
            tx(
              '每台设备一张 A6 卡，贴在设备上；扫码即打开该设备的点检页面。',
              'One A6 card per machine, to stick on it; its code opens the machine’s check page.',
            ),
          )}
        </Typography.Text>
      </Space>
      {q.isLoading && <Spin />}
      <ErrorAlert error={q.error} />
      {(q.data ?? []).map((c) => (
        <div key={c.id} className="zd-card" data-testid="machine-card">
          <div className="zd-card-org">{header.data?.organisation ?? ''}</div>
          <h2>{t(tx('设备管理卡', 'Machine card'))}</h2>
          <div className="zd-card-body">
            <table>
              <tbody>
                <tr>
                  <td className="k">{t(tx('设备编号', 'Number'))}</td>
                  <td style={{ fontSize: '13pt', fontWeight: 700 }}>{c.code}</td>
                </tr>
                <tr>
                  <td className="k">{t(tx('设备名称', 'Name'))}</td>
                  <td>{c.name}</td>
                </tr>
                <tr>
                  <td className="k">{t(tx('规格型号', 'Model'))}</td>
                  <td>{c.model}</td>
                </tr>
                <tr>
                  <td className="k">{t(tx('所属车间', 'Workshop'))}</td>
                  <td>
                    {c.workshopName}
                    {c.location ? ` · ${c.location}` : ''}
                  </td>
                </tr>
                <tr>
                  <td className="k">{t(tx('责任人', 'Owner'))}</td>
                  <td>{c.ownerName ?? ''}</td>
                </tr>
                <tr>
                  <td className="k">{t(tx('启用日期', 'In use since'))}</td>
                  <td>{c.commissionedOn ?? ''}</td>
                </tr>
              </tbody>
            </table>
            {/* The server renders the QR code as SVG from the machine's own URL. */}
            <div className="zd-card-qr">
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.qrSvg)}`}
                alt={c.url}
                style={{ width: '34mm', height: '34mm' }}
                data-url={c.url}
              />
              <br />
              {t(tx('操作前扫码点检', 'Scan to check before use'))}
            </div>
          </div>
          <div className="zd-card-upkeep">
            <strong>{t(tx('日常保养项目及频率', 'Daily upkeep and frequency'))}</strong>
            <ol>
              {c.upkeepItems.map((u) => (
                <li key={u.id}>
                  {u.content}（{t(FREQUENCIES[u.frequency])}）{u.method ? `：${u.method}` : ''}
                </li>
              ))}
            </ol>
            {t(
              tx(
                `点检项目 ${c.checkItemCount} 项；点检发现异常须维持停机状态，立即通知维修人员（T4 第五十条）。`,
                `${c.checkItemCount} check items; on an anomaly keep the machine stopped and call maintenance (T4 art. 50).`,
              ),
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
