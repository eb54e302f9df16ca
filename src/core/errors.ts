/** Bad command-line input: exit code 2 with a Chinese message, never a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The inspected site could not be reached at all: exit code 3. */
export class UnreachableError extends Error {
  override name = "UnreachableError";
}

export const exitCodes = { ok: 0, failure: 1, usage: 2, unreachable: 3 } as const;
