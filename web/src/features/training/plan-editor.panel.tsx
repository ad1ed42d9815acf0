import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { get, post, put } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import { CATEGORY_LABELS, CATEGORY_OPTIONS, currentSchoolYear, schoolYearOptions } from './training.labels';
import type { Plan, Teacher } from './training.types';

interface FormValues {
  kind: 'annual' | 'semester';
  schoolYear: string;
  term?: 1 | 2;
  title: string;
  goals: string;
  period: [dayjs.Dayjs, dayjs.Dayjs];
  items: { category: string; topic: string; ownerTeacherId?: string; schedule?: string; hours?: number }[];
}

/** The usual dates of a school year or term (September to July; spring term from late February). */
function defaultPeriod(kind: 'annual' | 'semester', schoolYear: string, term?: 1 | 2): [dayjs.Dayjs, dayjs.Dayjs] {
  const first = Number(schoolYear.slice(0, 4));
  if (kind === 'annual') return [dayjs(`${first}-09-01`), dayjs(`${first + 1}-07-10`)];
  return term === 2 ? [dayjs(`${first + 1}-02-20`), dayjs(`${first + 1}-07-10`)] : [dayjs(`${first}-09-01`), dayjs(`${first + 1}-01-20`)];
}

/** ST-1: goals, content by category, owners and schedule; saved as the plan's draft. */
export function PlanEditor({ plan, onSaved }: { plan?: Plan; onSaved: (p: Plan) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const teachers = useQuery({ queryKey: ['training', 'teachers'], queryFn: () => get<Teacher[]>('/training/teachers?active=true') });
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        kind: v.kind,
        schoolYear: v.schoolYear,
        term: v.kind === 'semester' ? v.term : null,
        title: v.title,
        goals: v.goals ?? '',
        startsOn: v.period[0].format('YYYY-MM-DD'),
        endsOn: v.period[1].format('YYYY-MM-DD'),
        items: (v.items ?? []).map((i) => ({
          category: i.category,
          topic: i.topic,
          ownerTeacherId: i.ownerTeacherId ?? null,
          schedule: i.schedule ?? '',
          month: null,
          hours: i.hours ?? null,
        })),
      };
      return plan
        ? put<Plan>(`/training/plans/${plan.id}`, { ...body, version: plan.version, documentVersion: plan.documentVersion })
        : post<Plan>('/training/plans', body);
    },
    onSuccess: onSaved,
  });
  const initial: Partial<FormValues> = plan
    ? {
        ...plan,
        term: plan.term ?? undefined,
        period: [dayjs(plan.startsOn), dayjs(plan.endsOn)],
        items: plan.items.map((i) => ({ ...i, ownerTeacherId: i.ownerTeacherId ?? undefined, hours: i.hours ?? undefined })),
      }
    : {
        kind: 'semester',
        schoolYear: currentSchoolYear(),
        term: 1,
        period: defaultPeriod('semester', currentSchoolYear(), 1),
        items: [{ category: 'theory', topic: '' }],
      };
  const kind = Form.useWatch('kind', form);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      onValuesChange={(changed: Partial<FormValues>, all: FormValues) => {
        // A new plan follows its kind, year and term to the usual dates; they stay editable.
        if (!plan && ('kind' in changed || 'schoolYear' in changed || 'term' in changed))
          form.setFieldsValue({ period: defaultPeriod(all.kind, all.schoolYear, all.term) });
      }}
    >
      <ErrorAlert error={save.error} />
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Form.Item name="kind" label={t(tx('类型', 'Kind'))} rules={[{ required: true }]}>
            <Select
              id="plan-kind"
              options={[
                { value: 'annual', label: t(tx('年度计划', 'Annual')) },
                { value: 'semester', label: t(tx('学期计划', 'Semester')) },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="schoolYear" label={t(tx('学年', 'School year'))} rules={[{ required: true }]}>
            <Select options={schoolYearOptions().map((y) => ({ value: y, label: y }))} />
          </Form.Item>
        </Col>
        {kind === 'semester' && (
          <Col xs={12} md={4}>
            <Form.Item name="term" label={t(tx('学期', 'Term'))} rules={[{ required: true }]}>
              <Select
                id="plan-term"
                options={[
                  { value: 1, label: t(tx('第一学期', 'Term 1')) },
                  { value: 2, label: t(tx('第二学期', 'Term 2')) },
                ]}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name="period" label={t(tx('起止日期', 'Dates'))} rules={[{ required: true }]}>
            <DatePicker.RangePicker aria-label={t(tx('起止日期', 'Dates'))} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true }]}>
        <Input data-testid="plan-title" />
      </Form.Item>
      <Form.Item name="goals" label={t(tx('培训目标', 'Goals'))}>
        <Input.TextArea rows={3} data-testid="plan-goals" />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="bottom" data-testid="plan-item">
                <Col xs={24} md={5}>
                  <Form.Item name={[f.name, 'category']} label={t(tx('内容类别', 'Category'))} rules={[{ required: true }]}>
                    <Select options={CATEGORY_OPTIONS.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c]) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[f.name, 'topic']} label={t(tx('培训内容', 'Content'))} rules={[{ required: true }]}>
                    <Input data-testid="plan-item-topic" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'ownerTeacherId']} label={t(tx('负责人', 'Owner'))}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      allowClear
                      options={teachers.data?.map((x) => ({ value: x.id, label: x.name }))}
                      data-testid="plan-item-owner"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'schedule']} label={t(tx('时间安排', 'Schedule'))}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={16} md={3}>
                  <Form.Item name={[f.name, 'hours']} label={t(tx('学时', 'Hours'))}>
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={1}>
                  <Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t(tx('删除', 'Remove'))} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ category: 'theory', topic: '' })} style={{ marginBottom: 16 }}>
              {t(tx('增加一项', 'Add an item'))}
            </Button>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-save">
          {t(tx('保存草稿', 'Save draft'))}
        </Button>
      </Space>
    </Form>
  );
}
