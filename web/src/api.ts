import type { MessageInstance } from "antd/es/message/interface";

/** A failed API call: the HTTP status with the server's Chinese message and machine code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  /** The caller shows the error itself (forms, the login page); no toast, no redirect. */
  quiet?: boolean;
}

let csrfToken = "";
let toast: MessageInstance | undefined;
let onUnauthorized: (() => void) | undefined;

/** The session's CSRF token, sent as x-csrf-token on every request that changes something. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the server says the session is gone; the session holder then sends the user to sign in. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** The antd message API of the App context, so toasts follow the zh_CN theme and locale. */
export function setToast(instance: MessageInstance): void {
  toast = instance;
}

export function notifySuccess(text: string): void {
  void toast?.success(text);
}

const statusMessages: Record<number, string> = {
  400: "提交的内容有误",
  401: "登录已失效，请重新登录",
  403: "当前角色无权执行此操作",
  404: "未找到，或无权查看",
  409: "状态冲突，操作未执行",
  429: "操作过于频繁，请稍后再试",
};

function fallbackMessage(status: number): string {
  return (
    statusMessages[status] ??
    (status >= 500 ? `服务器出错（${status}），请稍后再试` : `请求失败（${status}）`)
  );
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: unknown; code?: unknown; field?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy's HTML error page or an empty body: the status says enough.
  }
  const retry = Number(response.headers.get("retry-after"));
  return new ApiError(
    response.status,
    typeof body.error === "string" && body.error !== "" ? body.error : fallbackMessage(response.status),
    typeof body.code === "string" ? body.code : `http_${response.status}`,
    typeof body.field === "string" ? body.field : undefined,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

/** Calls the JSON API; on failure shows the Chinese error (unless quiet) and throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== "") headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    const error = new ApiError(0, "无法连接服务器，请检查网络后重试", "network");
    if (!options.quiet) void toast?.error(error.message);
    throw error;
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (!options.quiet) {
      if (error.status === 401) onUnauthorized?.();
      void toast?.error(error.message);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === "" ? undefined : JSON.parse(text)) as T;
}

/** Builds a query string, repeating a key for each value of an array and leaving out empty ones. */
export function query(
  params: Record<string, string | number | boolean | (string | number)[] | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || value === false) continue;
    if (Array.isArray(value)) for (const one of value) search.append(key, String(one));
    else search.append(key, value === true ? "1" : String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

export function notifyError(text: string): void {
  void toast?.error(text);
}
