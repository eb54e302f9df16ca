/**
 * The one HTTP call both chat robots (企业微信, 钉钉) answer the same way: POST JSON, and a reply
 * `{errcode: 0, errmsg: "ok"}` on success, an HTTP 200 with another errcode on failure.
 */
import { request } from "undici";

export async function postToRobot(
  robot: string,
  url: string,
  body: unknown,
  timeoutMs: number,
): Promise<void> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (error) {
    const reason =
      (error as Error).name === "TimeoutError" ? `${timeoutMs} 毫秒内无响应` : (error as Error).message;
    throw new Error(`${robot}无法送达：${reason}`, { cause: error });
  }
  const text = await response.body.text();
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw new Error(`${robot}返回 HTTP ${response.statusCode}：${text.slice(0, 200)}`);
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new Error(`${robot}的回应不是 JSON：${text.slice(0, 200)}`);
  }
  if (reply.errcode !== 0)
    throw new Error(`${robot}拒绝了消息：errcode ${String(reply.errcode)}，${String(reply.errmsg ?? "")}`);
}
