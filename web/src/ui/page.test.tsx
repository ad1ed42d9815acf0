import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withProviders } from '../test-setup';
import { ApiError } from './api';
import { ErrorAlert } from './page';

// Issue 16 (component tests) for issue 15 item 1: server errors read as sentences, fields by their labels, never by key.
describe('ErrorAlert (web/src/ui/page.tsx)', () => {
  it('issue 16: names a field by the form’s label and leaves out a detail whose field the form does not name', () => {
    const error = new ApiError(400, 'VALIDATION', '输入有误', [
      { field: 'plannedHours', reason: '必须大于 0' },
      { field: 'internalRef', reason: '格式不对' },
    ]);
    render(withProviders(<ErrorAlert error={error} fieldLabels={{ plannedHours: { zh: '计划学时', en: 'Planned hours' } }} />));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('输入有误');
    const items = [...alert.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['计划学时：必须大于 0', '格式不对']);
    expect(alert.textContent).not.toContain('internalRef');
    expect(alert.textContent).not.toContain('plannedHours');
  });

  it('issue 16: an Excel import error names the row and the column', () => {
    const error = new ApiError(400, 'IMPORT_FAILED', '导入失败', [{ row: 7, column: '数量', reason: '不是数字' }]);
    render(withProviders(<ErrorAlert error={error} />));
    expect(screen.getByRole('alert').querySelector('li')?.textContent).toBe('第 7 行 数量：不是数字');
  });

  it('issue 16: a nested field falls back to the label of its parent', () => {
    const error = new ApiError(400, 'VALIDATION', '输入有误', [{ field: 'lines.3', reason: '不能为空' }]);
    render(withProviders(<ErrorAlert error={error} fieldLabels={{ lines: { zh: '明细', en: 'Lines' } }} />));
    expect(screen.getByRole('alert').querySelector('li')?.textContent).toBe('明细：不能为空');
  });

  it('issue 16: shows nothing without an error, and the message of a plain error', () => {
    const { container, rerender } = render(withProviders(<ErrorAlert error={null} />));
    expect(container.querySelector('[role=alert]')).toBeNull();
    rerender(withProviders(<ErrorAlert error={new Error('出错了')} />));
    expect(screen.getByRole('alert').textContent).toContain('出错了');
  });
});
