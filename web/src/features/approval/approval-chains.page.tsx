import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { get, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import type { ChainStep, ChainView } from './approval.types';

interface Role {
  code: string;
  nameZh: string;
  nameEn: string;
}

function ChainCard({ chain, roles }: { chain: ChainView; roles: Role[] }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [steps, setSteps] = useState<ChainStep[] | null>(null);
  const [allowSelf, setAllowSelf] = useState(chain.allowSelfApproval);
  const isEditing = steps !== null;
  const roleName = (code: string) => {
    const r = roles.find((x) => x.code === code);
    return r ? (locale === 'en' ? r.nameEn : r.nameZh) : code;
  };
  const save = useMutation({
    mutationFn: () => put<ChainView>(`/approval-chains/${chain.docType}`, { version: chain.version ?? undefined, steps, allowSelfApproval: allowSelf }),
    onSuccess: () => {
      setSteps(null);
      qc.invalidateQueries({ queryKey: ['approval-chains'] });
      message.success(t(tx('已保存', 'Saved')));
    },
  });
  const change = (i: number, patch: Partial<ChainStep>) => setSteps((s) => (s ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: number) =>
    setSteps((s) => {
      const next = [...(s ?? [])];
      const [x] = next.splice(i, 1);
      next.splice(i + by, 0, x);
      return next;
    });

  return (
    <Card
      size="small"
      title={`${t(chain.label)} (${chain.docType})`}
      extra={
        can('admin.policy') &&
        !isEditing && (
          <Button
            size="small"
            onClick={() => {
              setSteps(chain.steps.map((s) => ({ ...s })));
              setAllowSelf(chain.allowSelfApproval);
            }}
            data-testid={`chain-edit-${chain.docType}`}
          >
            {t(tx('编辑', 'Edit'))}
          </Button>
        )
      }
    >
      <ErrorAlert error={save.error} />
      {!isEditing ? (
        <>
          {chain.steps.length === 0 ? (
            <Typography.Text type="secondary">{t(tx('未单独配置，使用“通用文件”的流程', 'Not configured; uses the general chain'))}</Typography.Text>
          ) : (
            <Space wrap>
              <Tag>{t(tx('起草人', 'Author'))}</Tag>
              {chain.steps.map((s) => (
                <span key={s.key}>
                  → <Tag color="blue">{t({ zh: s.nameZh, en: s.nameEn })}</Tag>
                  <Typography.Text type="secondary">{roleName(s.roleCode)}</Typography.Text>
                </span>
              ))}
            </Space>
          )}
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              {chain.allowSelfApproval
                ? t(tx('允许起草人审批自己的文件', 'The author may approve their own document'))
                : t(tx('不允许自审', 'No self-approval'))}
            </Typography.Text>
          </div>
        </>
      ) : (
        <div>
          {(steps ?? []).map((s, i) => (
            <Space key={i} wrap align="center" style={{ display: 'flex', marginBottom: 8 }}>
              <Typography.Text>{i + 1}.</Typography.Text>
              <Input
                value={s.nameZh}
                onChange={(e) => change(i, { nameZh: e.target.value })}
                placeholder={t(tx('中文名称', 'Name in Chinese'))}
                style={{ width: 130 }}
              />
              <Input
                value={s.nameEn}
                onChange={(e) => change(i, { nameEn: e.target.value })}
                placeholder={t(tx('英文名称', 'Name in English'))}
                style={{ width: 130 }}
              />
              <Select
                value={s.roleCode}
                onChange={(v) => change(i, { roleCode: v })}
                style={{ width: 170 }}
                options={roles.map((r) => ({ value: r.code, label: locale === 'en' ? r.nameEn : r.nameZh }))}
              />
              <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t(tx('上移', 'Move up'))} />
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === (steps ?? []).length - 1}
                onClick={() => move(i, 1)}
                aria-label={t(tx('下移', 'Move down'))}
              />
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                onClick={() => setSteps((x) => (x ?? []).filter((_, j) => j !== i))}
                aria-label={t(tx('删除', 'Remove'))}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setSteps((x) => [...(x ?? []), { key: `step${Date.now().toString(36)}`, nameZh: '', nameEn: '', roleCode: roles[0]?.code ?? '' }])}
          >
            {t(tx('添加步骤', 'Add step'))}
          </Button>
          <div style={{ margin: '12px 0' }}>
            <Switch checked={allowSelf} onChange={setAllowSelf} /> {t(tx('允许起草人审批自己的文件', 'Allow the author to approve their own document'))}
          </div>
          <Space>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="chain-save">
              {t(tx('保存', 'Save'))}
            </Button>
            <Button onClick={() => setSteps(null)}>{t(tx('取消', 'Cancel'))}</Button>
          </Space>
        </div>
      )}
    </Card>
  );
}

/** Approval chains per document type are data an administrator edits (CORE-3). */
export function ApprovalChainsPage() {
  const chains = useQuery({ queryKey: ['approval-chains'], queryFn: () => get<ChainView[]>('/approval-chains') });
  const roles = useQuery({ queryKey: ['roles'], queryFn: () => get<{ roles: Role[] }>('/org/roles') });
  return (
    <Page title={tx('审批流程', 'Approval chains')}>
      <ErrorAlert error={chains.error ?? roles.error} />
      <Row gutter={[16, 16]}>
        {(chains.data ?? []).map((c) => (
          <Col xs={24} lg={12} key={c.docType}>
            <ChainCard chain={c} roles={roles.data?.roles ?? []} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}
