import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { Attachments } from '../../ui/attachments';
import { ErrorAlert, Page } from '../../ui/page';
import { CHANGE_KIND_LABELS, fmt, ORDER_KIND_LABELS, ORDER_STATE_LABELS, PARTY_LABELS } from './production.labels';
import type { OrderView } from './production.types';
import { orgTime } from '../../ui/time';

type Party = 'production' | 'quality' | 'business';

function ReviewCard({ order, onDone }: { order: OrderView; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const mine = (order.reviewParties ?? []).filter((p) => p.mayReview).map((p) => p.party);
  const [chosen, setParty] = useState<Party | null>(null);
  const party = chosen && mine.includes(chosen) ? chosen : mine[0];
  const [opinion, setOpinion] = useState('');
  const [agreed, setAgreed] = useState(true);
  const [lines, setLines] = useState<Record<string, { qty: number; shipOn: string }>>({});
  const open = ['received', 'in_review', 'rejected'].includes(order.state);
  // Each party's opinion only by a member of its department (T4 第十四条).
  const mayReview = mine.length > 0;
  const record = useMutation({
    mutationFn: () => post(`/production/orders/${order.id}/reviews`, { party, opinion, isAgreed: agreed }),
    onSuccess: () => {
      setOpinion('');
      onDone();
    },
  });
  const conclude = useMutation({
    mutationFn: () =>
      post(`/production/orders/${order.id}/conclude`, {
        version: order.version,
        lines: order.lines.map((l) => ({
          lineId: l.id,
          agreedQty: lines[l.id]?.qty ?? l.agreedQty ?? l.qty,
          agreedShipOn: lines[l.id]?.shipOn ?? l.agreedShipOn ?? l.requestedShipOn,
        })),
      }),
    onSuccess: onDone,
  });
  return (
    <Card
      size="small"
      title={t(tx('订单汇审（T4 第十四条）：生产部、质量技术研发部、事业部', 'Joint review (T4 art. 14)'))}
      style={{ marginBottom: 12 }}
      data-testid="order-review"
    >
      <ErrorAlert error={record.error ?? conclude.error} />
      <Row gutter={[8, 8]}>
        {(['production', 'quality', 'business'] as Party[]).map((p) => {
          const r = order.reviews.find((x) => x.party === p);
          return (
            <Col xs={24} md={8} key={p}>
              <Card
                size="small"
                type="inner"
                title={t(PARTY_LABELS[p])}
                extra={<Typography.Text type="secondary">{order.reviewParties?.find((x) => x.party === p)?.departmentNames.join('、')}</Typography.Text>}
              >
                {r ? (
                  <div data-testid={`review-${p}`}>
                    <Tag color={r.isAgreed ? 'green' : 'red'}>{r.isAgreed ? t(tx('同意', 'Agree')) : t(tx('不同意', 'Disagree'))}</Tag>
                    {r.opinion}
                    <br />
                    <Typography.Text type="secondary">
                      {r.reviewerName} {orgTime(r.at).format('MM-DD HH:mm')}
                    </Typography.Text>
                  </div>
                ) : (
                  <Typography.Text type="secondary">{t(tx('未评审', 'Not reviewed'))}</Typography.Text>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      {open && mayReview && (
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            value={party}
            onChange={setParty}
            style={{ width: 170 }}
            options={mine.map((p) => ({ value: p, label: t(PARTY_LABELS[p]) }))}
            data-testid="review-party"
          />
          <Radio.Group value={agreed} onChange={(e) => setAgreed(e.target.value)}>
            <Radio value={true}>{t(tx('同意', 'Agree'))}</Radio>
            <Radio value={false}>{t(tx('不同意', 'Disagree'))}</Radio>
          </Radio.Group>
          <Input
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            placeholder={t(tx('评审意见', 'Opinion'))}
            style={{ width: 240 }}
            data-testid="review-opinion"
          />
          <Button onClick={() => record.mutate()} disabled={opinion.trim().length < 2} loading={record.isPending} data-testid="review-save">
            {t(tx('提交意见', 'Give opinion'))}
          </Button>
        </Space>
      )}
      {open && can('production.demand.write') && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t(tx('确定数量和发货日期，报总经理审批：', 'Fix quantities and ship dates, send to the GM:'))}</Typography.Text>
          {order.lines.map((l) => (
            <Space key={l.id} wrap style={{ display: 'flex', marginTop: 6 }}>
              <span style={{ minWidth: 180, display: 'inline-block' }}>
                {l.code} {l.name}
              </span>
              <InputNumber
                min={0}
                value={lines[l.id]?.qty ?? l.agreedQty ?? l.qty}
                onChange={(v) => setLines({ ...lines, [l.id]: { qty: v ?? 0, shipOn: lines[l.id]?.shipOn ?? l.requestedShipOn } })}
                addonAfter={l.unit}
              />
              <DatePicker
                value={dayjs(lines[l.id]?.shipOn ?? l.agreedShipOn ?? l.requestedShipOn)}
                onChange={(d) => d && setLines({ ...lines, [l.id]: { qty: lines[l.id]?.qty ?? l.qty, shipOn: d.format('YYYY-MM-DD') } })}
                allowClear={false}
              />
            </Space>
          ))}
          <Button type="primary" style={{ marginTop: 8 }} onClick={() => conclude.mutate()} loading={conclude.isPending} data-testid="review-conclude">
            {t(tx('汇审结论报总经理', 'Send the report to the GM'))}
          </Button>
        </div>
      )}
    </Card>
  );
}

function ChangesCard({ order, onDone }: { order: OrderView; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<OrderView['changes'][number] | null>(null);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm();
  const request = useMutation({
    mutationFn: (v: {
      orderLineId: string;
      kind: string;
      newQty?: number;
      newShipOn?: dayjs.Dayjs;
      reason: string;
      receivedOn: dayjs.Dayjs;
      hasWrittenConfirmation: boolean;
      confirmationRef?: string;
    }) => post(`/production/orders/${order.id}/changes`, { ...v, newShipOn: v.newShipOn?.format('YYYY-MM-DD'), receivedOn: v.receivedOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setAsking(false);
      onDone();
    },
  });
  const apply = useMutation({
    mutationFn: (c: OrderView['changes'][number]) =>
      post(`/production/orders/${order.id}/changes/${c.id}/apply`, { version: c.version, acceptShortNotice: c.isShortNotice, shortNoticeReason: reason }),
    onSuccess: () => {
      setDeciding(null);
      setReason('');
      message.success('✓');
      onDone();
    },
  });
  return (
    <Card
      size="small"
      title={t(tx('客户变更（T4 第十六条、T3 第十六条）', 'Customer changes (T4 art. 16, T3 art. 16)'))}
      extra={
        order.state === 'approved' && can('production.demand.write') && <Button onClick={() => setAsking(true)}>{t(tx('登记变更', 'Record a change'))}</Button>
      }
    >
      <ErrorAlert error={apply.error} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={order.changes}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t(tx('内容', 'Change')),
            render: (_: unknown, c) =>
              `${t(CHANGE_KIND_LABELS[c.kind])}：${c.reason}${c.newQty !== null ? ` → ${fmt(c.newQty)}` : ''}${c.newShipOn ? ` → ${c.newShipOn}` : ''}`,
          },
          {
            title: t(tx('书面确认', 'Written')),
            width: 110,
            render: (_: unknown, c) => (c.hasWrittenConfirmation ? c.confirmationRef || t(tx('有', 'Yes')) : <Tag color="red">{t(tx('无', 'No'))}</Tag>),
          },
          {
            title: t(tx('提前天数', 'Notice')),
            width: 110,
            render: (_: unknown, c) => (
              <Tag color={c.isShortNotice ? 'red' : 'green'}>
                {c.noticeDays} {t(tx('天', 'days'))}
              </Tag>
            ),
          },
          {
            title: t(tx('状态', 'State')),
            dataIndex: 'state',
            width: 90,
            render: (s: string) => t({ pending: tx('待处理', 'Pending'), applied: tx('已执行', 'Applied'), rejected: tx('未执行', 'Declined') }[s] ?? tx(s, s)),
          },
          {
            title: '',
            width: 90,
            render: (_: unknown, c) =>
              c.state === 'pending' &&
              can('production.plan.write') && (
                <Button size="small" onClick={() => setDeciding(c)}>
                  {t(tx('执行', 'Apply'))}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!deciding}
        title={t(tx('执行客户变更', 'Apply the change'))}
        onCancel={() => setDeciding(null)}
        onOk={() => deciding && apply.mutate(deciding)}
        confirmLoading={apply.isPending}
      >
        {deciding?.isShortNotice && (
          <>
            <Alert
              type="warning"
              showIcon
              message={t(
                tx(
                  `仅提前 ${deciding.noticeDays} 天通知生产部，少于制度要求；请说明接受理由`,
                  `Only ${deciding.noticeDays} days’ notice; give production’s reason to accept`,
                ),
              )}
            />
            <Input.TextArea rows={2} style={{ marginTop: 8 }} value={reason} onChange={(e) => setReason(e.target.value)} />
          </>
        )}
        <ErrorAlert error={apply.error} />
      </Modal>
      <Modal
        open={asking}
        title={t(tx('登记客户变更', 'Record a customer change'))}
        onCancel={() => setAsking(false)}
        onOk={() => form.submit()}
        confirmLoading={request.isPending}
      >
        <ErrorAlert error={request.error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'quantity', receivedOn: dayjs(), hasWrittenConfirmation: false, orderLineId: order.lines[0]?.id }}
          onFinish={(v) => request.mutate(v)}
        >
          <Form.Item name="orderLineId" label={t(tx('订单行', 'Line'))}>
            <Select
              options={order.lines.map((l) => ({ value: l.id, label: `${l.code} ${l.name} ${fmt(l.agreedQty ?? l.qty)} ${l.unit} ${l.agreedShipOn ?? ''}` }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t(tx('变更类型', 'Kind'))}>
            <Select
              options={Object.entries(CHANGE_KIND_LABELS)
                .filter(([k]) => k !== 'product')
                .map(([value, l]) => ({ value, label: t(l) }))}
            />
          </Form.Item>
          <Form.Item name="newQty" label={t(tx('新数量', 'New quantity'))}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="newShipOn" label={t(tx('新发货日期', 'New ship date'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t(tx('变更内容', 'What changes'))} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="receivedOn" label={t(tx('生产部收到日期', 'Received by production on'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hasWrittenConfirmation" valuePropName="checked">
            <Checkbox>{t(tx('已取得客户书面确认', 'The customer confirmed in writing'))}</Checkbox>
          </Form.Item>
          <Form.Item name="confirmationRef" label={t(tx('书面确认凭据（传真、邮件编号）', 'Confirmation reference'))}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** An order: its lines, the joint review, the GM's decision, customer changes (PP-3, PP-4). */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['production', 'order', id], queryFn: () => get<OrderView>(`/production/orders/${id}`) });
  const o = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['production'] });
  if (!o) return <Page title={tx('订单', 'Order')}>{q.isLoading ? <Spin /> : <ErrorAlert error={q.error} />}</Page>;
  const st = ORDER_STATE_LABELS[o.state];
  return (
    <Page
      title={{ zh: `${o.number} ${o.customer}`, en: `${o.number} ${o.customer}` }}
      extra={
        <Space wrap>
          <Tag color={st.color} data-testid="order-state">
            {t(st.text)}
          </Tag>
          <Link to={`/production/orders/${o.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="order-print">
              {t(tx('打印汇审报告', 'Print the review report'))}
            </Button>
          </Link>
        </Space>
      }
    >
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t(tx('类型', 'Kind'))}>{t(ORDER_KIND_LABELS[o.kind])}</Descriptions.Item>
        <Descriptions.Item label={t(tx('接单日期', 'Received'))}>{o.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t(tx('销售计划单', 'Sales order sheet'))}>
          <span data-testid="sales-sheet">{o.salesSheetNumber ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('联系人', 'Contact'))}>{o.contact}</Descriptions.Item>
        <Descriptions.Item label={t(tx('汇审报告', 'Review report'))}>
          {o.reviewDocumentId ? <Link to={`/documents/${o.reviewDocumentId}`}>{t(tx('查看审批', 'Open'))}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t(tx('备注', 'Note'))}>{o.note}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={o.lines}
        scroll={{ x: 700 }}
        style={{ marginBottom: 12 }}
        columns={[
          { title: t(tx('产品', 'Product')), render: (_: unknown, l) => `${l.code} ${l.name} ${l.spec}` },
          { title: t(tx('订货数量', 'Ordered')), width: 110, align: 'right', render: (_: unknown, l) => `${fmt(l.qty)} ${l.unit}` },
          { title: t(tx('要求发货', 'Requested')), dataIndex: 'requestedShipOn', width: 110 },
          {
            title: t(tx('确定数量', 'Agreed')),
            width: 110,
            align: 'right',
            render: (_: unknown, l) => (l.agreedQty === null ? '' : `${fmt(l.agreedQty)} ${l.unit}`),
          },
          { title: t(tx('确定发货日', 'Ship on')), dataIndex: 'agreedShipOn', width: 110 },
        ]}
      />
      {o.state !== 'cancelled' && <ReviewCard order={o} onDone={refresh} />}
      <ChangesCard order={o} onDone={refresh} />
      {/* Issue 14 item 13 (CORE-9): the customer's contract, faxes and written confirmations. */}
      <Card
        size="small"
        title={t(tx('附件（合同、确认函等）', 'Attachments (contract, confirmations)'))}
        style={{ marginTop: 12 }}
        data-testid="order-attachments"
      >
        <Attachments entity="production.order" entityId={o.id} defaultCategory="record" />
      </Card>
    </Page>
  );
}
