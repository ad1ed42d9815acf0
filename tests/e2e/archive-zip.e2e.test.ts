import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, login, startE2E } from './harness';
import { horizontalOverflow, waitForText } from './journey-helpers';

const A_PDF = Buffer.from('%PDF-1.4\n% zip export\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('archive zip export in the browser (CORE-9, issue 14 item 13)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('CORE-9 (1440): 导出文件（zip） downloads the listed files by category folder with the index', async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await login(page, 'plant.head');
    await page.goto('/archive');
    await page.getByTestId('archive-upload').setInputFiles({ name: '三月巡检记录.pdf', mimeType: 'application/pdf', buffer: A_PDF });
    await waitForText(page, '已上传');
    await page.locator('tr', { hasText: '三月巡检记录' }).waitFor();

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('archive-export-zip').click()]);
    expect(file.suggestedFilename()).toMatch(/^档案文件-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await readFile((await file.path())!));
    expect(zip.file('档案目录.xlsx')).not.toBeNull();
    expect(Buffer.from(await zip.file('记录/三月巡检记录.pdf')!.async('uint8array'))).toEqual(A_PDF);
    await expect.poll(async () => page.getByTestId('archive-export-zip').innerText()).toContain('导出文件（zip）');
  });

  it('CORE-9 (390): the archive page with both export buttons fits a phone', async () => {
    const phone = await e2e.newPage({ phone: true });
    await login(phone, 'plant.head');
    await phone.goto('/archive');
    await phone.getByTestId('archive-export-zip').waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(1);
  });
});
