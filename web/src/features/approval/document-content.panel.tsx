import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { patch } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert } from '../../ui/page';
import type { DocumentView, GeneralBody } from './approval.types';

/** The document's content, key content first (what an approver on a phone reads). */
const valueIn = (l: { value: string }, locale: string) => {
  const en = (l as { valueEn?: unknown }).valueEn;
  return locale === 'en' && typeof en === 'string' ? en : l.value;
};

export function DocumentContent({ body }: { body: unknown }) {
  const { t, locale } = useI18n();
  const b = (body ?? {}) as GeneralBody & Record<string, unknown>;
  // Generated texts (production plans) carry an English twin; the language switch picks it.
  const content = locale === 'en' && typeof b.contentEn === 'string' && b.contentEn ? b.contentEn : b.content;
  const isGeneral = typeof b.content === 'string' || Array.isArray(b.lines);
  if (!isGeneral) {
    return <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 13 }}>{JSON.stringify(body, null, 2)}</pre>;
  }
  const lines = (b.lines ?? []).filter((l) => l && (l.key || l.value));
  return (
    <div data-testid="doc-content">
      {content ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{content}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t(tx('（无正文）', '(no text)'))}</Typography.Text>
      )}
      {lines.length > 0 && (
        <Descriptions size="small" bordered column={1} style={{ marginTop: 8 }}>
          {lines.map((l, i) => (
            <Descriptions.Item key={i} label={l.key}>
              {valueIn(l, locale)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </div>
  );
}

interface EditValues {
  title: string;
  content: string;
  lines: { key: string; value: string }[];
}

/** The simple structured editor of a draft: title, text, optional key/value lines. */
export function DocumentEditor({ doc, onSaved }: { doc: DocumentView; onSaved: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const body = (doc.body ?? {}) as GeneralBody;
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      patch<DocumentView>(`/documents/${doc.id}`, {
        version: doc.version,
        title: v.title,
        body: { ...body, content: v.content ?? '', lines: (v.lines ?? []).filter((l) => l && (l.key || l.value)) },
      }),
    onSuccess: (d) => {
      qc.setQueryData(['document', doc.id], d);
      qc.invalidateQueries({ queryKey: ['documents'] });
      onSaved();
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ title: doc.title, content: body.content ?? '', lines: body.lines ?? [] }}
      onFinish={(v) => save.mutate(v)}
    >
      <ErrorAlert error={save.error} />
      <Form.Item name="title" label={t(tx('标题', 'Title'))} rules={[{ required: true, whitespace: true, message: t(tx('请输入标题', 'Enter a title')) }]}>
        <Input maxLength={200} data-testid="doc-title-input" />
      </Form.Item>
      <Form.Item name="content" label={t(tx('正文', 'Text'))}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} data-testid="doc-content-input" />
      </Form.Item>
      <Typography.Text strong>{t(tx('条目（可选）', 'Lines (optional)'))}</Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item name={[f.name, 'key']} style={{ marginBottom: 0 }}>
                  <Input placeholder={t(tx('项目', 'Item'))} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'value']} style={{ marginBottom: 0 }}>
                  <Input placeholder={t(tx('内容', 'Value'))} style={{ width: 220 }} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t(tx('删除', 'Remove'))} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
              {t(tx('添加条目', 'Add line'))}
            </Button>
          </div>
        )}
      </Form.List>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="doc-save">
          {t(tx('保存', 'Save'))}
        </Button>
        <Button onClick={onSaved}>{t(tx('取消', 'Cancel'))}</Button>
      </Space>
    </Form>
  );
}
