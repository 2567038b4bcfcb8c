/** The fields of `next` that differ from `before`: the body of a PATCH. */
export function changedFields<T extends object>(before: T, next: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}
