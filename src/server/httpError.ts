/**
 * The API's error answers (docs/api.md, Conventions): a status and `{error, code, field?}` with a
 * Chinese message. Routes throw HttpError; the error handler in app.ts writes it.
 */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds, for 429: sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string) =>
  new HttpError(400, "bad_request", message, field);
export const notFound = (what: string) => new HttpError(404, "not_found", `${what}不存在或无权查看`);
export const forbidden = (message = "当前角色无权进行此操作") => new HttpError(403, "forbidden", message);
export const conflict = (message: string, code = "conflict") => new HttpError(409, code, message);

/** A route parameter that must be a positive integer id; anything else is simply not found. */
export function idParam(raw: string, what: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what);
  return id;
}

export const rateLimited = (message: string, retryAfter: number) =>
  new HttpError(429, "rate_limited", message, undefined, retryAfter);
