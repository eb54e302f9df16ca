/**
 * Sends a message to a channel of any kind, and sends it at most once per (channel, key) through the
 * claims of src/store/alertRepository.ts: a delivered alert is never sent again, a failed one is
 * recorded and sent by the next attempt.
 */
import type { Db } from "../../store/open.ts";
import { claimAlerts, finishAlerts, type AlertChannel } from "../../store/alertRepository.ts";
import { line, untrusted, type AlertMessage } from "./compose.ts";
import { sendDingtalk } from "./dingtalk.ts";
import { sendEmail } from "./email.ts";
import { defaultTimeoutMs, type AlertOptions } from "./options.ts";
import { sendWecom } from "./wecom.ts";

export interface SendCounts {
  /** Messages delivered. */
  sent: number;
  /** Messages that failed; their keys stay retryable. */
  failed: number;
}

/** Delivers one message; throws with a Chinese reason when the channel did not accept it. */
export async function deliver(
  channel: AlertChannel,
  message: AlertMessage,
  options: AlertOptions,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  switch (channel.kind) {
    case "email":
      return sendEmail(channel.target, message, options, timeoutMs);
    case "wecom":
      return sendWecom(channel.target, message, timeoutMs);
    case "dingtalk":
      return sendDingtalk(channel.target, channel.secret, message, timeoutMs);
  }
}

/**
 * Claims `keys` for the channel, builds a message about the claimed ones and delivers it, recording
 * the outcome on them. Adds to `counts`; nothing happens when every key was already sent.
 */
export async function sendOnce(
  db: Db,
  channel: AlertChannel,
  keys: string[],
  build: (claimed: ReadonlySet<string>) => AlertMessage,
  options: AlertOptions,
  counts: SendCounts,
): Promise<void> {
  const claimed = await claimAlerts(db, channel.id, keys);
  if (claimed.length === 0) return;
  try {
    await deliver(channel, build(new Set(claimed)), options);
  } catch (error) {
    await finishAlerts(db, channel.id, claimed, {
      ok: false,
      error: (error as Error).message.slice(0, 1000),
    });
    counts.failed += 1;
    return;
  }
  await finishAlerts(db, channel.id, claimed, { ok: true });
  counts.sent += 1;
}

/** The message of "发送测试消息" in the channel settings; throws when it did not go through. */
export async function sendTestAlert(channel: AlertChannel, options: AlertOptions): Promise<void> {
  const title = "【智检】告警通道测试";
  await deliver(
    channel,
    {
      title,
      lines: [
        line("heading", title),
        line("text", "告警通道“", untrusted(channel.name, 100), "”配置正确，能够收到智检平台的告警消息。"),
      ],
    },
    options,
  );
}
