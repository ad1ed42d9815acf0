import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { post } from '../../ui/api';
import { tx, useI18n } from '../../ui/i18n';
import { ErrorAlert, Page } from '../../ui/page';

export function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const m = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => post('/auth/password', v),
    onSuccess: () => {
      message.success(t(tx('密码已修改', 'Password changed')));
      form.resetFields();
    },
  });
  return (
    <Page title={tx('修改密码', 'Change password')}>
      <Card style={{ maxWidth: 420 }}>
        <ErrorAlert error={m.error} />
        <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
          <Form.Item name="currentPassword" label={t(tx('当前密码', 'Current password'))} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t(tx('新密码（至少 8 位，含字母和数字）', 'New password (8+ characters, letters and digits)'))}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {t(tx('保存', 'Save'))}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
