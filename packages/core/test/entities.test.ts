// The entities are built lazily and without ElectroDB's model check (entities/define.ts): the
// check runs here instead, on every entity registered in db.ts, and they still join into one
// Service (names, keys and collections agree across entities).
import { Entity, Service } from 'electrodb';
import { describe, expect, it, vi } from 'vitest';

process.env.TABLE_NAME ??= 'crm-test';

describe('entities', () => {
  it('builds none at import and each one on its first use, bound to the table', async () => {
    const parse = vi.spyOn(Entity.prototype as unknown as { _parseModel: () => unknown }, '_parseModel');
    const { db } = await import('../src/index.ts');
    expect(parse).not.toHaveBeenCalled();
    const params = db.lead.get({ accountId: 'acc1', leadId: 'lead1' }).params();
    expect(params.TableName).toBe(process.env.TABLE_NAME);
    expect(parse).toHaveBeenCalledTimes(1);
    db.lead.get({ accountId: 'acc1', leadId: 'lead2' }).params();
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it("passes ElectroDB's model check, each and joined into one Service", async () => {
    const { db } = await import('../src/db.ts');
    const { MODEL } = await import('../src/entities/define.ts');
    const models = Object.entries(db).map(([name, entity]) => [name, (entity as unknown as Record<symbol, object>)[MODEL]] as const);
    expect(models.length).toBeGreaterThan(20);
    for (const [name, model] of models) {
      expect(model, name).toBeTruthy();
      expect(() => new Entity(model as never), name).not.toThrow();
    }
    const service = new Service(Object.fromEntries(models.map(([name, model]) => [name, new Entity(model as never)])) as never, {
      table: 'crm-test',
    });
    expect(Object.keys(service.entities).sort()).toEqual(Object.keys(db).sort());
  });

  it('would refuse a broken model, so the check above means something', () => {
    const broken = { model: { entity: 'x', version: '1', service: 'crm' }, attributes: { a: { type: 'string' } }, indexes: {} };
    expect(() => new Entity(broken as never)).toThrow(/invalid-model/);
  });
});
