// How an entity is declared: `export const LeadEntity = defineEntity({ model, attributes, indexes })`,
// then registered with one line in db.ts. The ElectroDB entity is built when a request first
// uses it, bound to the table and client, so a Lambda's cold start builds none of them and each
// Lambda builds only the ones its operations touch.
//
// Built without ElectroDB's model check: it runs jsonschema over the model, which costs cold
// start time and only checks our own constant definitions. test/entities.test.ts runs that
// check on every registered entity instead (and joins them into one Service, as before).
import { Entity, type Schema } from 'electrodb';
import { config } from '../config.ts';
import { dynamo } from '../dynamo.ts';

class PrecheckedEntity<A extends string, F extends string, C extends string, S extends Schema<A, F, C>> extends Entity<A, F, C, S> {
  // ElectroDB calls this from its constructor; the test does the check (see above).
  _validateModel() {}
}

/** The model of a declared entity, for the test that validates them all. */
export const MODEL = Symbol('entity model');

export function defineEntity<A extends string, F extends string, C extends string, S extends Schema<A, F, C>>(
  schema: S,
): Entity<A, F, C, S> {
  let built: Entity<A, F, C, S> | undefined;
  const entity = () => (built ??= new PrecheckedEntity<A, F, C, S>(schema, { table: config.tableName, client: dynamo }));
  // Every operation on the stand-in goes to the entity, built on the first one.
  return new Proxy({} as Entity<A, F, C, S>, {
    get: (_, key) => (key === MODEL ? schema : Reflect.get(entity(), key)),
    set: (_, key, value) => Reflect.set(entity(), key, value),
    has: (_, key) => Reflect.has(entity(), key),
    ownKeys: () => Reflect.ownKeys(entity()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(entity(), key);
      // A proxy may not report a property its (empty) target lacks as non-configurable.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(entity()),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(entity(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(entity(), key),
  });
}
