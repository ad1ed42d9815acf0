import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineModule } from '#core/http';
import { POLICY_SECTIONS } from '#core/policy';
import { APP_MODULES, composeAppRegistry } from './modules';
import { composeRegistry } from './registry';

const root = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

describe('the module registry', () => {
  it('composes every module once; a name, permission or document type declared twice stops the server', () => {
    const registry = composeAppRegistry();
    expect(registry.modules.map((m) => m.name)).toContain('production');
    expect(registry.workflows.documentType('production.monthly_plan').link?.('x')).toBe('/production/plan-doc/x');
    const twin = defineModule({ name: 'twin', label: { zh: '重', en: 'Twin' }, permissions: [{ code: 'production.read', label: { zh: '', en: '' } }] });
    expect(() => composeRegistry([...APP_MODULES, twin])).toThrow(/production.read is declared twice/);
    expect(() => composeRegistry([...APP_MODULES, APP_MODULES[1]])).toThrow(/declared twice/);
  });

  it('every permission the code asks for is declared by some module (a typo would lock everyone out)', () => {
    const registry = composeAppRegistry();
    const asked = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:requireAccess|hasPermission|can)\(\w+, '([a-z][\w.-]*\.[\w.-]+)'\)|permission: '([a-z][\w.-]*\.[\w.-]+)'/g))
        asked.add(m[1] ?? m[2]);
    }
    expect(asked.size).toBeGreaterThan(20);
    expect([...asked].filter((p) => !registry.isDeclaredPermission(p))).toEqual([]);
  });

  it('issue 16 item 1: every policy section has exactly one owning module; plant sections belong to production', () => {
    const registry = composeAppRegistry();
    expect(POLICY_SECTIONS.filter((s) => !registry.policySectionOwners.has(s))).toEqual([]);
    expect(registry.policySectionOwners.get('production')).toBe('production');
    expect(registry.policySectionOwners.get('assessment')).toBe('production');
    expect(registry.policySectionOwners.get('training')).toBe('training');
    const twin = defineModule({ name: 'twin', label: { zh: '重', en: 'Twin' }, policySections: ['training'] });
    expect(() => composeRegistry([...APP_MODULES, twin])).toThrow(/policy section training is declared twice/);
  });

  it('issue 16 item 1: core declares no domain document type and seeds no domain records', () => {
    const core = sources(join(root, 'core'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const docType of composeAppRegistry()
      .workflows.documentTypes()
      .map((t) => t.docType)) {
      if (docType !== 'general') expect(core, docType).not.toContain(`'${docType}'`);
    }
  });
});
