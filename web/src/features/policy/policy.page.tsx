import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, get, post, put } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { FieldGroup } from './policy-field.panel';
import { ChangesTable, PolicyHistory } from './policy-history.panel';
import { diffValues, flatten, type PolicyMeta, type PolicyValues, type PolicyView } from './policy.types';

/** 制度参数: every number of the regulations, with its clause, saved as versions. */
export function PolicyPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const policy = useQuery({ queryKey: ['policy'], queryFn: () => get<PolicyView>('/policy') });
  const meta = useQuery({ queryKey: ['policy', 'meta'], queryFn: () => get<PolicyMeta>('/policy/meta'), staleTime: Infinity });
  const [draft, setDraft] = useState<PolicyValues | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preset, setPreset] = useState<string>();
  const [presetPreview, setPresetPreview] = useState<PolicyValues | null>(null);
  const isReadOnly = !can('admin.policy');

  useEffect(() => {
    if (policy.data) setDraft(policy.data.values);
  }, [policy.data]);

  const baseline = useMemo(() => flatten(policy.data?.values ?? {}), [policy.data]);
  const changes = useMemo(() => (policy.data && draft ? diffValues(policy.data.values, draft) : []), [policy.data, draft]);

  const onSaved = (v: PolicyView) => {
    message.success(t(tx(`已保存为第 ${v.version} 版`, `Saved as version ${v.version}`)));
    setReason('');
    setErrors({});
    qc.invalidateQueries({ queryKey: ['policy'] });
  };
  const onFailed = (e: unknown) => {
    if (e instanceof ApiError && e.details) setErrors(Object.fromEntries(e.details.filter((d) => d.field).map((d) => [d.field as string, d.reason])));
  };
  const save = useMutation({
    mutationFn: () => put<PolicyView>('/policy', { baseVersion: policy.data?.version ?? 0, values: draft, reason }),
    onSuccess: onSaved,
    onError: onFailed,
  });
  const apply = useMutation({
    mutationFn: (name: string) =>
      post<PolicyView>('/policy/apply-preset', {
        baseVersion: policy.data?.version ?? 0,
        preset: name,
        reason: reason || `套用模板 ${name} / apply preset ${name}`,
      }),
    onSuccess: (v) => {
      setPresetPreview(null);
      onSaved(v);
    },
    onError: onFailed,
  });

  const openPreset = async () => {
    if (!preset) return;
    try {
      const p = await get<{ values: PolicyValues }>(`/policy/presets/${preset}`);
      setPresetPreview(p.values);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  if (!policy.data || !meta.data || !draft) {
    return (
      <Page title={tx('制度参数', 'Policy parameters')}>
        <ErrorAlert error={policy.error ?? meta.error} />
        <Spin />
      </Page>
    );
  }
  const m = meta.data;
  const view = policy.data;
  const isStale = save.error instanceof ApiError && save.error.status === 409;
  return (
    <Page
      title={tx('制度参数', 'Policy parameters')}
      extra={
        <Space wrap>
          <Tag color="geekblue">{t(tx(`模板 ${view.preset}`, `Preset ${view.preset}`))}</Tag>
          <Tag>
            {view.isDefault ? t(tx('模板预设值（未保存）', 'Preset values (not saved yet)')) : t(tx(`第 ${view.version} 版`, `Version ${view.version}`))}
          </Tag>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '制度中的每一个数字都是本单位的参数：截止日、期限、罚款、学分……每项标明出处条款。修改后保存为新版本，历史版本可对比。',
            'Every number in the regulations is a parameter of your organisation, each with the clause it comes from. Saving creates a new version; old versions stay comparable.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={save.error ?? apply.error} />
      {isStale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(tx('他人已保存了新版本，请重新载入后再修改', 'Someone saved a newer version; reload before editing'))}
          action={
            <Button size="small" onClick={() => qc.invalidateQueries({ queryKey: ['policy'] }).then(() => save.reset())}>
              {t(tx('重新载入', 'Reload'))}
            </Button>
          }
        />
      )}
      <Collapse
        defaultActiveKey={['production', 'training']}
        items={Object.keys(draft)
          // Only the sections of the organisation's modules (the server lists them).
          .filter((section) => section in m.sections)
          .map((section) => ({
            key: section,
            label: t(m.sections[section] ?? { zh: section, en: section }),
            extra: changes.some((c) => c.path.startsWith(`${section}.`)) ? <Tag color="orange">{t(tx('有修改', 'Changed'))}</Tag> : null,
            children: (
              <FieldGroup
                path={section}
                value={draft[section]}
                ctx={{ fields: m.fields, preset: view.preset, errors, baseline, isReadOnly }}
                onChange={(v) => setDraft({ ...draft, [section]: v as Record<string, unknown> })}
              />
            ),
          }))}
      />
      {!isReadOnly && (
        <Card size="small" style={{ marginTop: 16 }} title={t(tx('保存与模板', 'Save and presets'))}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              data-testid="policy-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t(tx('修改原因（必填），例如：经总经理办公会决定', 'Reason (required), e.g. decided by the management meeting'))}
              status={errors.reason ? 'error' : undefined}
            />
            <Space wrap>
              <Button
                type="primary"
                data-testid="policy-save"
                disabled={changes.length === 0 || !reason.trim()}
                loading={save.isPending}
                onClick={() => save.mutate()}
              >
                {t(tx(`保存为新版本（${changes.length} 项修改）`, `Save as a new version (${changes.length} changes)`))}
              </Button>
              <Button disabled={changes.length === 0} onClick={() => setDraft(view.values)}>
                {t(tx('放弃修改', 'Discard changes'))}
              </Button>
              <Select
                style={{ minWidth: 220 }}
                placeholder={t(tx('选择模板', 'Choose a preset'))}
                value={preset}
                onChange={setPreset}
                options={m.presets.map((p) => ({ value: p.name, label: t(p) }))}
              />
              <Button disabled={!preset} onClick={openPreset}>
                {t(tx('套用模板…', 'Apply preset…'))}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
      <Card size="small" style={{ marginTop: 16 }} title={t(tx('版本历史', 'Version history'))} data-testid="policy-history">
        <PolicyHistory fields={m.fields} />
      </Card>
      <Modal
        open={presetPreview !== null}
        title={t(tx(`套用模板 ${preset ?? ''}：以下参数将被替换`, `Apply preset ${preset ?? ''}: these parameters change`))}
        okText={t(tx('确认套用', 'Apply'))}
        cancelText={t(tx('取消', 'Cancel'))}
        confirmLoading={apply.isPending}
        onOk={() => preset && apply.mutate(preset)}
        onCancel={() => setPresetPreview(null)}
        width={760}
      >
        <Typography.Paragraph type="secondary">
          {t(tx('套用后保存为新版本，未保存的修改将丢失。', 'This saves a new version; unsaved edits are lost.'))}
        </Typography.Paragraph>
        <ChangesTable changes={presetPreview ? diffValues(view.values, presetPreview) : []} fields={m.fields} />
      </Modal>
    </Page>
  );
}
