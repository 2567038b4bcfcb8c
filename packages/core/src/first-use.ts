// Whatever a Lambda may never need (an SDK client other than DynamoDB's, a parser) is loaded on
// its first use, not at cold start: `const cognito = onFirstUse(async () => ...)`, then
// `await cognito()`. A failed load is forgotten so that the next call tries again.
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw err;
    }));
}
