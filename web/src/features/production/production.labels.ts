import { type Text, tx } from '../../ui/i18n';

export const STATE_LABELS: Record<string, Text> = {
  draft: tx('编制中', 'Draft'),
  submitted: tx('审批中', 'Submitted'),
  approved: tx('已批准', 'Approved'),
  rejected: tx('已退回', 'Rejected'),
  issued: tx('已下达', 'Issued'),
  closed: tx('已关闭', 'Closed'),
  confirmed: tx('已确认', 'Confirmed'),
};
export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'green',
  rejected: 'red',
  issued: 'cyan',
  closed: 'default',
  confirmed: 'green',
};

export const KIND_LABELS: Record<string, Text> = {
  annual: tx('年度', 'Annual'),
  quarterly: tx('季度', 'Quarterly'),
  monthly: tx('月度', 'Monthly'),
  weekly: tx('周（车间）', 'Weekly'),
  special: tx('专项', 'Special'),
  temporary: tx('临时', 'Temporary'),
};

export const CAPACITY_LABELS: Record<string, { text: Text; color: string }> = {
  unchecked: { text: tx('未检查', 'Not checked'), color: 'default' },
  ok: { text: tx('产能正常', 'Within capacity'), color: 'green' },
  over: { text: tx('超出产能', 'Over capacity'), color: 'red' },
  under: { text: tx('远低于产能', 'Far below capacity'), color: 'gold' },
  over_under: { text: tx('超产能/利用不足', 'Over and under'), color: 'volcano' },
};

export const CATEGORY_LABELS: Record<string, Text> = {
  finished: tx('成品', 'Finished'),
  semi: tx('半成品', 'Semi-finished'),
  raw: tx('原料', 'Raw material'),
  packaging: tx('包装材料', 'Packaging'),
};
export const SOURCE_LABELS: Record<string, Text> = { make: tx('自制', 'Make'), buy: tx('外购', 'Buy'), outsource: tx('外协', 'Outsource') };

export const COUNTERMEASURE_LABELS: Record<string, Text> = {
  overtime: tx('加班', 'Overtime'),
  outsourcing: tx('外协', 'Outsourcing'),
  reschedule: tx('调整排产', 'Reschedule'),
  other: tx('其他', 'Other'),
};

export const ORDER_KIND_LABELS: Record<string, Text> = {
  contract: tx('合同', 'Contract'),
  oral: tx('口头订单', 'Oral order'),
  written: tx('书面订单', 'Written order'),
  delivery_request: tx('要货通知', 'Delivery request'),
};
export const ORDER_STATE_LABELS: Record<string, { text: Text; color: string }> = {
  received: { text: tx('待汇审', 'Received'), color: 'default' },
  in_review: { text: tx('汇审中', 'In joint review'), color: 'processing' },
  submitted: { text: tx('待总经理批准', 'Awaiting the GM'), color: 'gold' },
  approved: { text: tx('已转销售计划单', 'On a sales order sheet'), color: 'green' },
  rejected: { text: tx('已退回', 'Rejected'), color: 'red' },
  cancelled: { text: tx('已取消', 'Cancelled'), color: 'default' },
};
export const PARTY_LABELS: Record<string, Text> = {
  production: tx('生产部', 'Production'),
  quality: tx('质量技术研发部', 'Quality and R&D'),
  business: tx('事业部（业务单位）', 'Business unit'),
};
export const CHANGE_KIND_LABELS: Record<string, Text> = {
  product: tx('品种', 'Product'),
  quantity: tx('数量', 'Quantity'),
  date: tx('交期', 'Date'),
  cancel: tx('取消', 'Cancel'),
};

export const ACTION_LABELS: Record<string, Text> = {
  submit: tx('提交审批', 'Submit'),
  withdraw: tx('撤回', 'Withdraw'),
  approve: tx('批准', 'Approve'),
  reject: tx('退回', 'Reject'),
  revise: tx('修改后重新提交', 'Revise'),
  issue: tx('下达', 'Issue'),
  close: tx('关闭', 'Close'),
  adjust: tx('调整计划', 'Adjust'),
};

export const fmt = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined ? '' : (Math.round(n * 10 ** digits) / 10 ** digits).toLocaleString('zh-CN');

export const pct = (u: number | null | undefined): string => (u === null || u === undefined ? '∞' : `${Math.round(u * 100)}%`);

/** The bucket's column title: 4/1 for a day, 4月 for a month. */
export const bucketTitle = (start: string, bucket: 'day' | 'month'): string =>
  bucket === 'day' ? `${Number(start.slice(5, 7))}/${Number(start.slice(8, 10))}` : `${Number(start.slice(5, 7))}月`;

export const WEEKDAY_ZH = ['一', '二', '三', '四', '五', '六', '日'];
