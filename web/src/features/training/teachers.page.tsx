import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, Modal, Row, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { download, get, patch, post } from '../../ui/api';
import { useAuth } from '../../ui/auth';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';
import { BACKBONE_LABELS, LEADERSHIP_LABELS, STAGE_LABELS } from './training.labels';
import type { Teacher } from './training.types';

interface Department {
  id: string;
  name: string;
  kind: string;
}

/** ST-12: the teacher register — subject, grades, title, stage, backbone level, group, leadership group. */
export function TeachersPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Teacher | 'new' | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['training', 'teachers', 'all', q],
    queryFn: () => get<Teacher[]>(`/training/teachers${q ? `?q=${encodeURIComponent(q)}` : ''}`),
  });
  const groups = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/org/departments') });
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      editing === 'new'
        ? post('/training/teachers', v)
        : patch(`/training/teachers/${(editing as Teacher).id}`, { ...v, version: (editing as Teacher).version }),
    onSuccess: () => {
      setEditing(null);
      qc.invalidateQueries({ queryKey: ['training'] });
    },
  });
  const canManage = can('training.teacher.manage');
  // Teachers see colleagues' names and groups only (the server sends no more); the office sees the register.
  const seesRegister = canManage || can('training.read');
  const enumOptions = (labels: Record<string, { zh: string; en: string }>) => Object.entries(labels).map(([value, label]) => ({ value, label: t(label) }));
  return (
    <Page
      title={tx('教师名单', 'Teacher register')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t(tx('姓名、工号、学科', 'Name, number, subject'))}
            placeholder={t(tx('姓名、工号、学科', 'Name, number, subject'))}
            onSearch={setQ}
            style={{ width: 200 }}
          />
          {canManage && <Button onClick={() => download('/excel/training-teachers/export', 'teachers.xlsx')}>{t(tx('导出', 'Export'))}</Button>}
          {canManage && <Link to="/excel">{t(tx('Excel 导入', 'Excel import'))}</Link>}
          {canManage && (
            <Button
              type="primary"
              onClick={() => {
                form.resetFields();
                setEditing('new');
              }}
            >
              {t(tx('新增教师', 'Add'))}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      <Table<Teacher>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 50 }}
        scroll={seesRegister ? { x: 900 } : undefined}
        columns={
          !seesRegister
            ? [
                { title: t(tx('姓名', 'Name')), dataIndex: 'name' },
                { title: t(tx('教研组', 'Group')), dataIndex: 'groupName' },
              ]
            : [
                { title: t(tx('工号', 'No.')), dataIndex: 'staffNo', width: 80 },
                {
                  title: t(tx('姓名', 'Name')),
                  dataIndex: 'name',
                  width: 90,
                  render: (v: string, r: Teacher) => <Link to={`/training/archive?teacher=${r.id}`}>{v}</Link>,
                },
                { title: t(tx('教研组', 'Group')), dataIndex: 'groupName', width: 110 },
                { title: t(tx('学科', 'Subject')), dataIndex: 'subject', width: 80 },
                { title: t(tx('职称', 'Title')), dataIndex: 'title', width: 90 },
                { title: t(tx('发展阶段', 'Stage')), dataIndex: 'stage', width: 80, render: (s: string) => t(STAGE_LABELS[s]) },
                {
                  title: t(tx('骨干', 'Backbone')),
                  dataIndex: 'backboneLevel',
                  width: 90,
                  render: (s: string | null) => (s ? <Tag color="gold">{t(BACKBONE_LABELS[s])}</Tag> : ''),
                },
                {
                  title: t(tx('领导小组', 'Leadership')),
                  dataIndex: 'leadershipRole',
                  width: 80,
                  render: (s: string | null) => (s ? t(LEADERSHIP_LABELS[s]) : ''),
                },
                { title: t(tx('账号', 'Account')), dataIndex: 'username', width: 120 },
                { title: t(tx('在职', 'Active')), dataIndex: 'isActive', width: 60, render: (v: boolean) => (v ? '✓' : '—') },
                ...(canManage
                  ? [
                      {
                        title: '',
                        width: 70,
                        render: (_: unknown, r: Teacher) => (
                          <Button
                            size="small"
                            onClick={() => {
                              form.setFieldsValue(r);
                              setEditing(r);
                            }}
                          >
                            {t(tx('编辑', 'Edit'))}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]
        }
      />
      <Modal
        open={editing !== null}
        title={t(editing === 'new' ? tx('新增教师', 'Add a teacher') : tx('编辑教师', 'Edit'))}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name="staffNo" label={t(tx('工号', 'Staff no.'))} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="name" label={t(tx('姓名', 'Name'))} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="groupId" label={t(tx('教研组', 'Group'))}>
                <Select allowClear options={groups.data?.filter((g) => g.kind === 'teaching_group').map((g) => ({ value: g.id, label: g.name }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="subject" label={t(tx('学科', 'Subject'))}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="grades" label={t(tx('任教年级', 'Grades'))}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="title" label={t(tx('职称', 'Title'))}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="stage" label={t(tx('发展阶段', 'Stage'))}>
                <Select options={enumOptions(STAGE_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="backboneLevel" label={t(tx('骨干级别', 'Backbone level'))}>
                <Select allowClear options={enumOptions(BACKBONE_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="leadershipRole" label={t(tx('培训领导小组', 'Leadership group'))}>
                <Select allowClear options={enumOptions(LEADERSHIP_LABELS)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="phone" label={t(tx('手机', 'Mobile'))}>
                <Input />
              </Form.Item>
            </Col>
            {editing !== 'new' && (
              <Col span={12}>
                <Form.Item name="isActive" label={t(tx('在职', 'Active'))} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Form>
      </Modal>
    </Page>
  );
}
