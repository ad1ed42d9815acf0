import { DeleteOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { tx, useI18n } from '../../ui/i18n';
import { type FieldMeta, metaOf, setAt } from './policy.types';
import type { PresetName } from '#core/policy';

const WEEKDAYS = [tx('周一', 'Mon'), tx('周二', 'Tue'), tx('周三', 'Wed'), tx('周四', 'Thu'), tx('周五', 'Fri'), tx('周六', 'Sat'), tx('周日', 'Sun')];

export interface FieldContext {
  fields: Record<string, FieldMeta>;
  preset: PresetName;
  errors: Record<string, string>;
  baseline: Record<string, unknown>;
  isReadOnly: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function ValueInput({
  path,
  value,
  meta,
  ctx,
  onChange,
}: {
  path: string;
  value: unknown;
  meta?: FieldMeta;
  ctx: FieldContext;
  onChange: (v: unknown) => void;
}) {
  const { t } = useI18n();
  const common = { disabled: ctx.isReadOnly, 'aria-label': meta ? t(meta.label) : path, status: ctx.errors[path] ? ('error' as const) : undefined };
  if (typeof value === 'boolean') return <Switch checked={value} disabled={ctx.isReadOnly} aria-label={common['aria-label']} onChange={onChange} />;
  // A list of words (the activities of a themed month) is typed entry by entry; a list of numbers is weekdays.
  if (Array.isArray(value) && !path.endsWith('Days')) {
    return <Select {...common} mode="tags" style={{ width: '100%' }} value={value as string[]} open={false} onChange={(v) => onChange(v)} />;
  }
  if (Array.isArray(value)) {
    return (
      <Select
        {...common}
        mode="multiple"
        style={{ width: '100%' }}
        value={value as number[]}
        options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: t(w) }))}
        onChange={(v) => onChange([...v].sort())}
      />
    );
  }
  if (meta?.options) {
    return (
      <Select
        {...common}
        style={{ width: '100%' }}
        value={value as string}
        options={meta.options.map((o) => ({ value: o.value, label: t(o.label) }))}
        onChange={onChange}
      />
    );
  }
  if (typeof value === 'number' || value === null) {
    const isShare = meta?.unit?.en.startsWith('share');
    return <InputNumber {...common} style={{ width: '100%' }} value={value as number | null} step={isShare ? 0.05 : 1} onChange={(v) => onChange(v ?? null)} />;
  }
  return <Input {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />;
}

function FieldLabel({ path, meta, ctx }: { path: string; meta?: FieldMeta; ctx: FieldContext }) {
  const { t } = useI18n();
  const note = meta?.notes?.[ctx.preset];
  return (
    <div>
      <Space size={4} wrap>
        <Typography.Text strong>{meta ? t(meta.label) : path.split('.').pop()}</Typography.Text>
        {meta?.unit && <Typography.Text type="secondary">· {t(meta.unit)}</Typography.Text>}
        {meta?.help && (
          <Tooltip title={t(meta.help)}>
            <QuestionCircleOutlined style={{ color: '#999' }} />
          </Tooltip>
        )}
      </Space>
      <div>
        {meta && (
          <Tag color="blue" style={{ marginTop: 2 }}>
            {t(tx('依据', 'Source'))} {meta.clause}
          </Tag>
        )}
        {note && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(note)}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}

function FieldRow({ path, value, ctx, onChange }: { path: string; value: unknown; ctx: FieldContext; onChange: (v: unknown) => void }) {
  const { t } = useI18n();
  const meta = metaOf(ctx.fields, path);
  const isChanged = JSON.stringify(ctx.baseline[path]) !== JSON.stringify(value);
  return (
    <Row gutter={[12, 4]} style={{ padding: '8px 0', borderBottom: '1px solid #f5f5f5' }} data-field={path}>
      <Col xs={24} md={12}>
        <FieldLabel path={path} meta={meta} ctx={ctx} />
      </Col>
      <Col xs={24} md={12}>
        <ValueInput path={path} value={value} meta={meta} ctx={ctx} onChange={onChange} />
        {isChanged && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t(tx(`已修改（原值 ${String(ctx.baseline[path] ?? '—')}）`, `Changed (was ${String(ctx.baseline[path] ?? '—')})`))}
          </Typography.Text>
        )}
        {ctx.errors[path] && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} role="alert">
            {ctx.errors[path]}
          </Typography.Text>
        )}
      </Col>
    </Row>
  );
}

/** A list of like rows (the standing weekly schedule) as an editable table. */
function RowsEditor({ path, rows, ctx, onChange }: { path: string; rows: Record<string, unknown>[]; ctx: FieldContext; onChange: (v: unknown) => void }) {
  const { t } = useI18n();
  const meta = metaOf(ctx.fields, path);
  const keys = Object.keys(rows[0] ?? {});
  return (
    <Card size="small" style={{ margin: '8px 0' }} title={<FieldLabel path={path} meta={meta} ctx={ctx} />}>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: keys.length * 140 }}
        dataSource={rows}
        columns={[
          ...keys.map((k) => ({
            title: t(metaOf(ctx.fields, `${path}.*.${k}`)?.label ?? { zh: k, en: k }),
            key: k,
            width: 140,
            render: (_: unknown, row: Record<string, unknown>, i: number) => (
              <ValueInput
                path={`${path}.${i}.${k}`}
                value={row[k]}
                meta={metaOf(ctx.fields, `${path}.*.${k}`)}
                ctx={ctx}
                onChange={(v) => onChange(setAt(rows, [String(i), k], v))}
              />
            ),
          })),
          {
            title: '',
            key: 'remove',
            width: 50,
            render: (_: unknown, __: unknown, i: number) => (
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t(tx('删除', 'Remove'))}
                disabled={ctx.isReadOnly}
                onClick={() => onChange(rows.filter((_r, j) => j !== i))}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        disabled={ctx.isReadOnly || rows.length === 0}
        onClick={() => onChange([...rows, { ...rows[rows.length - 1] }])}
      >
        {t(tx('添加一行', 'Add a row'))}
      </Button>
      {Object.entries(ctx.errors)
        .filter(([p]) => p.startsWith(`${path}.`))
        .map(([p, reason]) => (
          <Typography.Text key={p} type="danger" style={{ display: 'block', fontSize: 12 }} role="alert">
            {p}: {reason}
          </Typography.Text>
        ))}
    </Card>
  );
}

/** Every field of an object, nested groups as small cards. */
export function FieldGroup({
  path,
  value,
  ctx,
  onChange,
}: {
  path: string;
  value: Record<string, unknown>;
  ctx: FieldContext;
  onChange: (v: unknown) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {Object.entries(value).map(([key, child]) => {
        const childPath = `${path}.${key}`;
        const update = (v: unknown) => onChange({ ...value, [key]: v });
        if (isObject(child)) {
          const meta = metaOf(ctx.fields, childPath);
          return (
            <Card key={key} size="small" style={{ margin: '8px 0' }} title={meta ? t(meta.label) : key} extra={meta && <Tag color="blue">{meta.clause}</Tag>}>
              {ctx.errors[childPath] && (
                <Typography.Text type="danger" role="alert">
                  {ctx.errors[childPath]}
                </Typography.Text>
              )}
              <FieldGroup path={childPath} value={child} ctx={ctx} onChange={update} />
            </Card>
          );
        }
        if (Array.isArray(child) && child.some(isObject)) {
          return <RowsEditor key={key} path={childPath} rows={child as Record<string, unknown>[]} ctx={ctx} onChange={update} />;
        }
        return <FieldRow key={key} path={childPath} value={child} ctx={ctx} onChange={update} />;
      })}
    </>
  );
}
