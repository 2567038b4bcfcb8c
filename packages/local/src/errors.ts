// A problem the developer can fix (missing Java, busy port): main prints its one line, no stack.
export class LocalRuntimeError extends Error {
  override name = 'LocalRuntimeError';
}
