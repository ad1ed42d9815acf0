import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { get } from '../../../ui/api';
import { tx, useI18n } from '../../../ui/i18n';
import type { Item, Workshop } from '../production.types';
import { useLocations } from './warehouse-nav';

export function useItems() {
  return useQuery({ queryKey: ['production', 'items', 'active'], queryFn: () => get<Item[]>('/production/items'), staleTime: 60_000 });
}

/** An item by code or name; typing narrows the list. */
export function ItemSelect({
  value,
  onChange,
  id,
  style,
}: {
  value?: string;
  onChange?: (id: string, item: Item | undefined) => void;
  id?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useI18n();
  const items = useItems();
  return (
    <Select
      id={id}
      // Inside a form the field's label names it (by id); on its own it says what it picks.
      aria-label={id ? undefined : t(tx('物料', 'Item'))}
      showSearch
      allowClear
      value={value}
      style={{ minWidth: 180, ...style }}
      placeholder={t(tx('物料编码或品名', 'Item code or name'))}
      optionFilterProp="label"
      onChange={(v: string) =>
        onChange?.(
          v,
          items.data?.find((i) => i.id === v),
        )
      }
      options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}${i.spec ? ` ${i.spec}` : ''}` }))}
    />
  );
}

export function LocationSelect({
  value,
  onChange,
  id,
  style,
  placeholder,
}: {
  value?: string;
  onChange?: (id: string) => void;
  id?: string;
  style?: React.CSSProperties;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const locations = useLocations();
  return (
    <Select
      id={id}
      aria-label={id ? undefined : (placeholder ?? t(tx('库位', 'Location')))}
      allowClear
      value={value}
      onChange={onChange}
      style={{ minWidth: 120, ...style }}
      placeholder={placeholder ?? t(tx('主仓库', 'Main warehouse'))}
      options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
    />
  );
}

export function useWorkshops() {
  return useQuery({ queryKey: ['production', 'workshops'], queryFn: () => get<Workshop[]>('/production/workshops'), staleTime: 60_000 });
}
