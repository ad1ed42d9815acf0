import { describe, expect, it } from 'vitest';
import { projectShortage } from './shortage.rules';

const today = '2026-04-01';

describe('shortages flagged before they stop production (PP-16, T4 第二十六、二十七条)', () => {
  it('PP-16 stock plus orders arriving in time covers the needs: no shortage', () => {
    expect(
      projectShortage(
        {
          itemId: 'A',
          onHand: 100,
          needs: [
            { on: '2026-04-03', qty: 100 },
            { on: '2026-04-10', qty: 50 },
          ],
          receipts: [{ on: '2026-04-10', qty: 50 }],
        },
        today,
      ),
    ).toBeNull();
  });

  it('PP-16 an order that arrives after the need leaves a shortage from the day of the need', () => {
    const s = projectShortage(
      {
        itemId: 'A',
        onHand: 100,
        needs: [
          { on: '2026-04-03', qty: 150 },
          { on: '2026-04-10', qty: 50 },
        ],
        receipts: [{ on: '2026-04-08', qty: 80 }],
      },
      today,
    );
    expect(s).toEqual({ itemId: 'A', shortOn: '2026-04-03', shortQty: 50, needed: 200, onHand: 100, onOrder: 80 });
  });

  it('PP-16 needs already past still have to be met and count from today', () => {
    expect(projectShortage({ itemId: 'A', onHand: 0, needs: [{ on: '2026-03-20', qty: 5 }], receipts: [] }, today)).toMatchObject({
      shortOn: today,
      shortQty: 5,
    });
  });
});
