import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Segmented, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import type { LocationView } from '#production';
import { get } from '../../../ui/api';
import { useAuth } from '../../../ui/auth';
import { tx, useI18n } from '../../../ui/i18n';

export const WAREHOUSE = '/production/warehouse';

/** The locations, for pickers; retired ones only where asked. */
export function useLocations(includeRetired = false) {
  return useQuery({
    queryKey: ['production', 'locations', includeRetired],
    queryFn: () => get<LocationView[]>(`/production/locations${includeRetired ? '' : '?active=true'}`),
  });
}

const PAGES = [
  { path: WAREHOUSE, label: tx('库存', 'On hand') },
  { path: `${WAREHOUSE}/documents`, label: tx('单据', 'Documents') },
  { path: `${WAREHOUSE}/shortages`, label: tx('缺料', 'Shortages') },
  { path: `${WAREHOUSE}/locations`, label: tx('库位', 'Locations') },
];

export const NEW_DOCUMENTS = [
  { key: 'purchase', label: tx('采购入库', 'Purchase receipt') },
  { key: 'return', label: tx('退料入库', 'Return') },
  { key: 'shipment', label: tx('销售出库', 'Shipment issue') },
  { key: 'transfer', label: tx('调拨', 'Transfer') },
  { key: 'count', label: tx('盘点', 'Stock count') },
];

/** One row of links between the warehouse's pages, and the new-document menu for the keeper. */
export function WarehouseNav() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current =
    PAGES.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.path ?? WAREHOUSE;
  return (
    <Space wrap style={{ marginBottom: 12 }} className="zd-no-print">
      <Segmented
        value={current}
        onChange={(v) => navigate(String(v))}
        options={PAGES.map((p) => ({ value: p.path, label: t(p.label) }))}
        data-testid="warehouse-nav"
      />
      {can('production.stock.write') && (
        <Dropdown
          menu={{
            items: NEW_DOCUMENTS.map((d) => ({ key: d.key, label: <span data-testid={`new-${d.key}`}>{t(d.label)}</span> })),
            onClick: ({ key }) => navigate(`${WAREHOUSE}/new/${key}`),
          }}
        >
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-document">
            {t(tx('新单据', 'New document'))}
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
