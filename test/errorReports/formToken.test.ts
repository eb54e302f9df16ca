import assert from "node:assert/strict";
import { test } from "node:test";
import { checkFormToken, issueFormToken, senderHash } from "../../src/server/formToken.ts";

const secret = Buffer.from("0123456789abcdef0123456789abcdef");
const issuedAt = new Date("2026-11-23T02:00:00Z");
const after = (ms: number) => new Date(issuedAt.getTime() + ms);

test("a token is valid from 3 seconds to 24 hours after it was issued", () => {
  const token = issueFormToken(secret, issuedAt);
  assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.equal(checkFormToken(secret, token, after(3_000)), null);
  assert.equal(checkFormToken(secret, token, after(24 * 3600_000)), null);
  assert.match(checkFormToken(secret, token, after(2_999))!, /过快/);
  assert.match(checkFormToken(secret, token, issuedAt)!, /过快/);
  assert.match(checkFormToken(secret, token, after(24 * 3600_000 + 1))!, /过期/);
});

test("each token is different, and forged, altered or malformed ones are refused", () => {
  const token = issueFormToken(secret, issuedAt);
  assert.notEqual(issueFormToken(secret, issuedAt), token);
  const [issued, nonce, signature] = token.split(".") as [string, string, string];
  const later = (issuedAt.getTime() - 3600_000).toString(36);
  const now = after(10_000);
  assert.match(checkFormToken(Buffer.from("another secret"), token, now)!, /无效/);
  assert.match(checkFormToken(secret, `${later}.${nonce}.${signature}`, now)!, /无效/);
  assert.match(checkFormToken(secret, `${issued}.${nonce}x.${signature}`, now)!, /无效/);
  assert.match(checkFormToken(secret, `${issued}.${nonce}.${signature.slice(1)}`, now)!, /无效/);
  for (const malformed of [
    "",
    "abc",
    `${issued}.${nonce}`,
    `${token}.x`,
    `${issued}.${nonce}.${signature}=`,
    "a..b",
  ])
    assert.match(checkFormToken(secret, malformed, now)!, /格式不正确/);
});

test("the sender hash is keyed, stable, and takes IPv6 senders by their /64", () => {
  const hash = senderHash(secret, "203.0.113.7");
  assert.equal(senderHash(secret, "203.0.113.7"), hash);
  assert.notEqual(senderHash(Buffer.from("other"), "203.0.113.7"), hash);
  assert.notEqual(senderHash(secret, "203.0.113.8"), hash);
  assert.ok(!hash.includes("203"));
  assert.equal(senderHash(secret, "::ffff:203.0.113.7"), hash);
  assert.equal(senderHash(secret, "::ffff:cb00:7107"), hash);
  assert.equal(senderHash(secret, "2001:db8:1:2::1"), senderHash(secret, "2001:0db8:0001:0002:ffff:0:0:9"));
  assert.notEqual(senderHash(secret, "2001:db8:1:2::1"), senderHash(secret, "2001:db8:1:3::1"));
});
