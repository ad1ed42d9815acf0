import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { get, post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { type ListColumn, ListTable } from '../../ui/list-table';
import { ErrorAlert, Page } from '../../ui/page';
import { orgTime } from '../../ui/time';
import { type LinkView, STATE_COLORS, STATE_LABELS } from './district.types';

const when = (v: string | null) => (v ? orgTime(v).format('YYYY-MM-DD HH:mm') : '');

/** 上级学区 (issue 12): the school's admin sees the districts that asked, accepts or declines, ends a link. */
export function SchoolDistrictsPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const links = useQuery({ queryKey: ['district-links'], queryFn: () => get<LinkView[]>('/district-links') });
  const step = useMutation({
    mutationFn: ({ l, action }: { l: LinkView; action: 'accept' | 'decline' | 'end' }) => post(`/district-links/${l.id}/${action}`, { version: l.version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['district-links'] }),
  });
  const confirm = (l: LinkView, action: 'accept' | 'decline' | 'end', label: { zh: string; en: string }, title: { zh: string; en: string }, danger = false) => (
    <Popconfirm title={t(title)} okText={t(tx('确定', 'Confirm'))} cancelText={t(tx('取消', 'Cancel'))} onConfirm={() => step.mutate({ l, action })}>
      <Button size="small" type={danger ? 'default' : 'primary'} danger={danger} data-testid={`district-link-${action}`}>
        {t(label)}
      </Button>
    </Popconfirm>
  );
  const columns: ListColumn<LinkView>[] = [
    { key: 'district', title: t(tx('学区', 'District')), dataIndex: 'districtName', card: 'title' },
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
      title: t(tx('答复 / 结束', 'Answer / ended')),
      width: 200,
      render: (_, l) => (l.endedAt ? `${l.endedByName ?? ''} ${when(l.endedAt)}` : l.decidedAt ? `${l.decidedByName ?? ''} ${when(l.decidedAt)}` : ''),
    },
    {
      key: 'actions',
      title: '',
      card: 'actions',
      width: 200,
      render: (_, l) => (
        <Space>
          {l.state === 'requested' &&
            confirm(
              l,
              'accept',
              tx('接受', 'Accept'),
              tx(
                `接受“${l.districtName}”的关联？学区将可只读查看本校教师的培训学时、学分和考核结果，每次查看都会记入本校审计日志。`,
                `Accept “${l.districtName}”? The district will read (only) your teachers' hours, credits and verdicts; each read is recorded in your audit log.`,
              ),
            )}
          {l.state === 'requested' &&
            confirm(l, 'decline', tx('拒绝', 'Decline'), tx(`拒绝“${l.districtName}”的关联申请？`, `Decline “${l.districtName}”?`), true)}
          {l.state === 'accepted' &&
            confirm(
              l,
              'end',
              tx('结束关联', 'End link'),
              tx(`结束与“${l.districtName}”的关联？学区将不再能查看本校数据。`, `End the link with “${l.districtName}”? It will no longer see your data.`),
              true,
            )}
        </Space>
      ),
    },
  ];
  return (
    <Page title={tx('上级学区', 'District')}>
      <Typography.Paragraph type="secondary">
        {t(
          tx(
            '已关联的学区只能查看本校培训汇总，不能修改本校任何记录；学区发布的每学年最低学分下限，本校制度参数只能提高不能降低。',
            'A linked district only reads your training roll-up and cannot change any record; its floor on the yearly minimum credits may be raised by your policy, not lowered.',
          ),
        )}
      </Typography.Paragraph>
      <ErrorAlert error={links.error ?? step.error} />
      <ListTable<LinkView>
        rows={links.data}
        rowKey="id"
        columns={columns}
        loading={links.isLoading}
        scrollX={800}
        testId="school-district-links"
        empty={tx('没有学区的关联申请', 'No district has asked')}
      />
    </Page>
  );
}
