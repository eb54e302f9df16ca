/** 企业微信 群机器人: POST {msgtype: "markdown", markdown: {content}} to the robot's webhook. */
import { toMarkdown, type AlertMessage } from "./compose.ts";
import { postToRobot } from "./webhook.ts";

/** The robot refuses markdown content over 4096 bytes. */
const maxContentBytes = 4096;

export async function sendWecom(webhookUrl: string, message: AlertMessage, timeoutMs: number): Promise<void> {
  const content = toMarkdown(message, maxContentBytes);
  await postToRobot("企业微信机器人", webhookUrl, { msgtype: "markdown", markdown: { content } }, timeoutMs);
}
