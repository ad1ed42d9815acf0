import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, withProviders } from '../../test-setup';
import { PasswordPage } from './password.page';

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const fill = (current: string, next: string) => {
  fireEvent.change(field(/当前密码/), { target: { value: current } });
  fireEvent.change(field(/新密码/), { target: { value: next } });
};
const submit = () => fireEvent.click(screen.getByRole('button', { name: /保\s?存/ }));

// Issue 16: a form with validation — the change-password page.
describe('change password form (password.page.tsx)', () => {
  it('issue 16: refuses to send with an empty field and says which one is required', async () => {
    const server = fakeServer({});
    render(withProviders(<PasswordPage />));
    fireEvent.change(field(/当前密码/), { target: { value: 'old-pass-1' } });
    submit();
    expect(await screen.findByText(/请输入新密码/)).toBeTruthy();
    expect(server.calls).toHaveLength(0);
  });

  it('issue 16: sends both passwords with the CSRF header, confirms, and clears the form', async () => {
    const server = fakeServer({ 'POST /auth/password': { status: 204 } });
    render(withProviders(<PasswordPage />));
    fill('old-pass-1', 'new-pass-2');
    submit();
    expect(await screen.findByText('密码已修改')).toBeTruthy();
    expect(server.calls).toEqual([
      expect.objectContaining({ method: 'POST', path: '/auth/password', body: { currentPassword: 'old-pass-1', newPassword: 'new-pass-2' } }),
    ]);
    expect(server.calls[0].headers).toHaveProperty('x-csrf-token');
    await waitFor(() => expect(field(/当前密码/).value).toBe(''));
    expect(field(/新密码/).value).toBe('');
  });

  it('issue 16: shows the server’s reason when the new password is refused, and keeps what was typed', async () => {
    fakeServer({ 'POST /auth/password': { status: 400, body: { code: 'WEAK_PASSWORD', message: '新密码至少 8 位，且包含字母和数字' } } });
    render(withProviders(<PasswordPage />));
    fill('old-pass-1', 'short');
    submit();
    expect((await screen.findByRole('alert')).textContent).toContain('新密码至少 8 位，且包含字母和数字');
    expect(field(/新密码/).value).toBe('short');
  });
});
