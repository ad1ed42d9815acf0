import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Tag } from 'antd';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { type ListColumn, ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import { type LinkView, STATE_COLORS, STATE_LABELS } from './district.types';

const when = (v: string | null) => (v ? orgTime(v).format('YYYY-MM-DD HH:mm') : '');

/** 学校关联 (issue 12): the district asks a school by its organisation code, sees each link's state, ends one. */
export function DistrictLinksPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ schoolCode: string }>();
  const links = useQuery({ queryKey: ['district', 'links'], queryFn: () => get<LinkView[]>('/district/links') });
  const done = () => qc.invalidateQueries({ queryKey: ['district'] });
  const ask = useMutation({
    mutationFn: (v: { schoolCode: string }) => post('/district/links', v),
    onSuccess: () => {
      form.resetFields();
      done();
    },
  });
  const end = useMutation({ mutationFn: (l: LinkView) => post(`/district/links/${l.id}/end`, { version: l.version }), onSuccess: done });
  const columns: ListColumn<LinkView>[] = [
    { key: 'school', title: t(tx('学校', 'School')), dataIndex: 'schoolName', card: 'title' },
    { key: 'code', title: t(tx('组织代码', 'Organisation code')), dataIndex: 'schoolCode', width: 140 },
    {
      key: 'state',
      title: t(tx('状态', 'State')),
      dataIndex: 'state',
      card: 'status',
      width: 120,
      render: (_, l) => <Tag color={STATE_COLORS[l.state]}>{t(STATE_LABELS[l.state])}</Tag>,
    },
    { key: 'requested', title: t(tx('申请', 'Asked')), width: 200, render: (_, l) => `${l.requestedByName} ${when(l.requestedAt)}` },
    {
      key: 'decided',
      title: t(tx('学校答复 / 结束', 'School’s answer / ended')),
      width: 220,
      render: (_, l) => (l.endedAt ? `${l.endedByName ?? ''} ${when(l.endedAt)}` : l.decidedAt ? `${l.decidedByName ?? ''} ${when(l.decidedAt)}` : ''),
    },
    {
      key: 'actions',
      title: '',
      card: 'actions',
      width: 120,
      render: (_, l) =>
        can('district.manage') && (l.state === 'requested' || l.state === 'accepted') ? (
          <Popconfirm
            title={t(
              l.state === 'accepted'
                ? tx(`结束与“${l.schoolName}”的关联？`, `End the link with “${l.schoolName}”?`)
                : tx(`撤回对“${l.schoolName}”的申请？`, `Withdraw the request to “${l.schoolName}”?`),
            )}
            description={t(
              tx(
                '结束后学区不再能查看该校的培训汇总，需重新申请并经学校同意。',
                'The district no longer sees the school’s training; linking again needs the school’s consent.',
              ),
            )}
            okText={t(tx('确定', 'Confirm'))}
            cancelText={t(tx('取消', 'Cancel'))}
            onConfirm={() => end.mutate(l)}
          >
            <Button size="small" danger>
              {t(l.state === 'accepted' ? tx('结束关联', 'End link') : tx('撤回申请', 'Withdraw'))}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Page title={tx('学校关联', 'School links')}>
      <ErrorAlert error={links.error ?? ask.error ?? end.error} fieldLabels={{ schoolCode: tx('学校组织代码', 'School code') }} />
      {can('district.manage') && (
        <Form form={form} layout="inline" onFinish={(v) => ask.mutate(v)} style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item
            name="schoolCode"
            label={t(tx('学校组织代码', 'School code'))}
            rules={[{ required: true, message: t(tx('请填写学校的组织代码', 'Enter the school’s code')) }]}
          >
            <Input placeholder="demo-school" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending}>
            {t(tx('申请关联', 'Ask to link'))}
          </Button>
        </Form>
      )}
      <ListTable<LinkView>
        rows={links.data}
        rowKey="id"
        columns={columns}
        loading={links.isLoading}
        scrollX={900}
        testId="district-links"
        empty={tx('还没有关联申请', 'No links yet')}
      />
    </Page>
  );
}
