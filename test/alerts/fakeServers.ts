/**
 * Stand-ins on loopback for the services alerts go to: an SMTP server (smtp-server) and one HTTP
 * server playing 企业微信 and 钉钉 robots, which answers as they do and checks 钉钉's signature.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
}

export async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@"))
        return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...decodeMail(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Enough MIME for nodemailer's single-part text mails: encoded-word subject, QP or base64 body. */
function decodeMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, "im").exec(headers)?.[1] ?? "";
  const subject = header("Subject").replace(
    /=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi,
    (_m, kind: string, data: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
  );
  const body = raw.slice(split + 4);
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body, "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? qp(body.replace(/=\r\n/g, ""))
        : Buffer.from(body, "latin1").toString("utf8");
  return { subject, text };
}

function qp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "=" && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

export interface RobotCall {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}

/**
 * Paths: /wecom/<name> answers like a 企业微信 robot (errcode 93000 while `broken` holds the name),
 * /dingtalk/<name> like a 钉钉 robot signed with `dingtalkSecret`, /hang never answers.
 */
export async function startRobots(dingtalkSecret: string) {
  const calls: RobotCall[] = [];
  const broken = new Set<string>();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url!, "http://127.0.0.1");
    if (url.pathname === "/hang") return;
    const body = JSON.parse(await readBody(request)) as RobotCall["body"];
    calls.push({ path: url.pathname, query: url.searchParams, body });
    const answer = (errcode: number, errmsg: string) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ errcode, errmsg }));
    };
    if (request.method !== "POST" || !/^application\/json/.test(request.headers["content-type"] ?? ""))
      return answer(40008, "invalid message type");
    const name = url.pathname.split("/")[2] ?? "";
    if (broken.has(name)) return answer(93000, "invalid webhook url");
    if (url.pathname.startsWith("/dingtalk/")) {
      const timestamp = url.searchParams.get("timestamp") ?? "";
      const expected = createHmac("sha256", dingtalkSecret)
        .update(`${timestamp}\n${dingtalkSecret}`)
        .digest("base64");
      if (url.searchParams.get("sign") !== expected || Math.abs(Date.now() - Number(timestamp)) > 3600_000)
        return answer(310000, "sign not match");
    }
    answer(0, "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    calls,
    broken,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
