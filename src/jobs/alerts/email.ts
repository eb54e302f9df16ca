/** Alerts by e-mail through the office's SMTP server (nodemailer), as plain text. */
import nodemailer from "nodemailer";
import { toText, type AlertMessage } from "./compose.ts";
import type { AlertOptions } from "./options.ts";

export async function sendEmail(
  to: string,
  message: AlertMessage,
  options: AlertOptions,
  timeoutMs: number,
): Promise<void> {
  const smtp = options.smtp;
  if (smtp === undefined) throw new Error("未配置 SMTP 服务器，无法发送邮件告警");
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? smtp.port === 465,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.pass ?? "" } }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({ from: smtp.from, to, subject: message.title, text: toText(message) });
  } catch (error) {
    throw new Error(`邮件发送失败（${smtp.host}:${smtp.port}）：${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    transport.close();
  }
}
