// A bounded number of async calls at once, for the bulk writers (the import worker, write/bulk.ts).

/** Runs `each` over `items`, at most `lanes` at a time; the results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], lanes: number, each: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await each(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}
