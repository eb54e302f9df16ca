/**
 * Abuse resistance for the public 找错 form without a captcha: the form must first fetch a token the
 * server signed, and a submission is refused when its token is forged, older than a day, or younger
 * than a person could fill the form in (bots post at once). Senders are remembered only as a keyed
 * hash of their address, enough to rate-limit and spot repeats, not to identify anyone.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { isIPv6 } from "node:net";
import { ipv6Groups } from "./publicUrl.ts";

export const minFormAgeMs = 3_000;
export const maxFormAgeMs = 24 * 3600_000;

/** `<issued ms, base 36>.<nonce>.<signature>`, all URL-safe. */
export function issueFormToken(secret: Buffer, now = new Date()): string {
  const payload = `${now.getTime().toString(36)}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** Null when the token is valid now; otherwise why not, in Chinese. */
export function checkFormToken(secret: Buffer, token: string, now = new Date()): string | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part)))
    return "表单令牌格式不正确";
  const [issued, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "表单令牌无效";
  const age = now.getTime() - parseInt(issued, 36);
  if (!Number.isFinite(age)) return "表单令牌格式不正确";
  if (age < minFormAgeMs) return "提交过快，请稍后再提交";
  if (age > maxFormAgeMs) return "表单已过期，请刷新页面后重新填写";
  return null;
}

/**
 * A keyed hash of the sender's address. An IPv6 sender is taken by its /64, the block one subscriber
 * gets, so rotating through it does not make a new sender; IPv4-mapped forms count as the IPv4 address.
 */
export function senderHash(secret: Buffer, ip: string): string {
  return createHmac("sha256", secret)
    .update(`sender\n${senderKey(ip)}`)
    .digest("base64url");
}

function senderKey(ip: string): string {
  const groups = isIPv6(ip) ? ipv6Groups(ip) : undefined;
  if (groups === undefined) return ip;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}

function sign(secret: Buffer, payload: string): string {
  // Domain-separated from senderHash, so one secret can serve both.
  return createHmac("sha256", secret).update(`form-token\n${payload}`).digest("base64url");
}
