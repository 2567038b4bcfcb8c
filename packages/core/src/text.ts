// Text folding for matching names: case- and ё/е-insensitive, Cyrillic and Latin alike.
export const fold = (s: string) => s.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е');

/** Removes undefined members, so a partial PATCH keeps what it does not mention. */
export const definedOnly = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
