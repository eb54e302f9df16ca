import type { Confidence } from "../core/finding.ts";
import type { LinkProbe } from "../crawl/linkTable.ts";

export type LinkVerdict = "ok" | Confidence;

export interface ClassifiedLink {
  verdict: LinkVerdict;
  /** Chinese reason for people, e.g. "HTTP 404 页面不存在". */
  reason: string;
}

const confirmedErrors: Record<string, string> = {
  ENOTFOUND: "域名无法解析",
  ECONNREFUSED: "连接被拒绝",
  REDIRECT_LOOP: "重定向循环",
  TOO_MANY_REDIRECTS: "重定向次数过多",
  BAD_URL: "链接地址格式错误",
};

const suspectedErrors: Record<string, string> = {
  TIMEOUT: "访问超时",
  ECONNRESET: "连接被重置",
  TLS: "HTTPS 证书错误",
  DECOMPRESSION_BOMB: "压缩数据异常（解压炸弹）",
  BAD_ENCODING: "压缩数据损坏",
  UNSUPPORTED_SCHEME: "不支持的协议",
  OTHER: "网络错误",
};

const statusText: Record<number, string> = {
  400: "请求错误",
  401: "需要登录",
  403: "禁止访问",
  404: "页面不存在",
  405: "方法不允许",
  410: "资源已删除",
  429: "请求过多",
  500: "服务器内部错误",
  502: "网关错误",
  503: "服务不可用",
  504: "网关超时",
};

/** The verdict rules of the indicators' practice (§9.2), stricter on what counts as confirmed. */
export function classifyLink(probe: LinkProbe): ClassifiedLink {
  const error = probe.error?.code;
  if (error && confirmedErrors[error]) return { verdict: "confirmed", reason: confirmedErrors[error] };
  // A body over the size limit still proves the resource exists.
  const existsButLarge = error === "BODY_TOO_LARGE" && probe.status > 0;
  if (error && !existsButLarge) {
    return { verdict: "suspected", reason: suspectedErrors[error] ?? suspectedErrors.OTHER! };
  }
  const status = probe.status;
  const described = `HTTP ${status}${statusText[status] ? ` ${statusText[status]}` : ""}`;
  if (status === 404 || status === 410) return { verdict: "confirmed", reason: described };
  if (status === 401 || status === 403 || status === 429) {
    return {
      verdict: "inconclusive",
      reason: `${described}（以浏览器请求头重试后仍被拒绝，疑似反爬虫拦截）`,
    };
  }
  if (status >= 400)
    return { verdict: "suspected", reason: status >= 500 ? `${described}（重试后仍失败）` : described };
  if (probe.tls && !probe.tls.authorized) {
    return { verdict: "suspected", reason: `HTTPS 证书错误（${probe.tls.error ?? "未通过校验"}）` };
  }
  return { verdict: "ok", reason: described };
}
