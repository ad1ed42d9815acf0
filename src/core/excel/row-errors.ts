import type { ErrorDetail } from '../errors';
import { type SheetDef, type SheetLocale, headerOf } from './sheet.definition';
import { importFailed } from './sheet.reader';

/** Collects row errors during an import so the user sees all of them at once. */
export class RowErrors {
  private readonly details: ErrorDetail[] = [];

  constructor(
    private readonly sheet: SheetDef,
    readonly locale: SheetLocale,
  ) {}

  /** column is the sheet's column key; the message shows its header. */
  add(row: number, column: string | undefined, zh: string, en: string): void {
    const c = this.sheet.columns.find((x) => x.key === column);
    this.details.push({ row, ...(c ? { column: headerOf(c, this.locale) } : {}), reason: this.locale === 'en' ? en : zh });
  }

  get hasAny(): boolean {
    return this.details.length > 0;
  }

  throwIfAny(): void {
    if (this.details.length) throw importFailed([...this.details].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  }
}
