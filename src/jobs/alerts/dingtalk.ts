/**
 * 钉钉 自定义机器人: POST {msgtype: "markdown", markdown: {title, text}}. A robot secured by 加签 wants
 * `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)) in the query;
 * the timestamp must be within an hour of DingTalk's clock.
 */
import { createHmac } from "node:crypto";
import { toMarkdown, type AlertMessage } from "./compose.ts";
import { postToRobot } from "./webhook.ts";

/** DingTalk's documented limit is 20000 bytes; kept below it for the JSON around the text. */
const maxTextBytes = 18000;

export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export async function sendDingtalk(
  webhookUrl: string,
  secret: string | null,
  message: AlertMessage,
  timeoutMs: number,
  now = new Date(),
): Promise<void> {
  const url = new URL(webhookUrl);
  if (secret !== null) {
    const timestamp = now.getTime();
    url.searchParams.set("timestamp", String(timestamp));
    // URLSearchParams encodes "+", "/" and "=" of the base64, as DingTalk requires.
    url.searchParams.set("sign", dingtalkSign(secret, timestamp));
  }
  const text = toMarkdown(message, maxTextBytes);
  await postToRobot(
    "钉钉机器人",
    url.href,
    { msgtype: "markdown", markdown: { title: message.title, text } },
    timeoutMs,
  );
}
