/**
 * A row read back in the request that wrote it. Its absence is a bug, not bad input, so it fails the
 * request (500) instead of answering a body that breaks the contract.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} vanished right after it was written`);
  return value;
}
