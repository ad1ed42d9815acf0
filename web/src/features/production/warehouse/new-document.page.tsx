import { useQueryClient } from '@tanstack/react-query';
import { App, Result } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { StockDocView } from '#production';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';
import { Page } from '../../../ui/page';
import { CountForm, ShipmentIssueForm, TransferForm } from './movement-form.panel';
import { PurchaseReceiptForm, ReturnForm } from './receipt-form.panel';
import { NEW_DOCUMENTS, WAREHOUSE, WarehouseNav } from './warehouse-nav';

/** The keeper's entry forms: purchase receipt, return, shipment issue, transfer, count (PP-16). */
export function NewStockDocumentPage() {
  const { kind = 'purchase' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const entry = NEW_DOCUMENTS.find((d) => d.key === kind) ?? NEW_DOCUMENTS[0];
  const onPosted = (doc: StockDocView) => {
    qc.invalidateQueries({ queryKey: ['production'] });
    message.success(t(tx(`已过账：${doc.number}`, `Posted: ${doc.number}`)));
    navigate(`${WAREHOUSE}/documents/${doc.id}`);
  };
  const forms: Record<string, JSX.Element> = {
    purchase: <PurchaseReceiptForm onPosted={onPosted} />,
    return: <ReturnForm onPosted={onPosted} />,
    shipment: <ShipmentIssueForm onPosted={onPosted} />,
    transfer: <TransferForm onPosted={onPosted} />,
    count: <CountForm onPosted={onPosted} />,
  };
  return (
    <Page title={entry.label}>
      <WarehouseNav />
      {can('production.stock.write') ? (
        forms[entry.key]
      ) : (
        <Result status="403" subTitle={t(tx('仓库收发须有仓库权限', 'Posting needs the warehouse permission'))} />
      )}
    </Page>
  );
}
