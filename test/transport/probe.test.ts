import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { after, before, describe, it } from "node:test";
import { transportFindings } from "../../src/checks/transport.ts";
import { decodeBody } from "../../src/fetch/charset.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { isSkipped, probeTransport, type TransportProbe } from "../../src/fetch/transportProbe.ts";
import type { HostMapping } from "../../src/fetch/types.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import { closedPort, connectTo, startServer, testOptions, type TestServer } from "../fetch/servers.ts";
import { makeCertificates, type TestCertificates } from "../fetch/servers.ts";

/** The host the shared test certificates are made for. */
const HOST = "www.test-a.gov.cn";
const SITE = `https://${HOST}`;

const securityHeaders = {
  "strict-transport-security": "max-age=31536000",
  "content-security-policy": "default-src 'self'",
  "x-frame-options": "SAMEORIGIN",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** The same homepage whichever server answers, except for the clock line that changes per request. */
function homepage(title: string, headers: Record<string, string> = {}) {
  let served = 0;
  return (_request: IncomingMessage, response: ServerResponse): void => {
    served += 1;
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers });
    response.end(
      `<!DOCTYPE html><html><head><title>${title}</title></head><body>` +
        `<p>今天是 2026 年 11 月 ${served} 日 访问量 ${served * 17}</p>` +
        `<ul><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></body></html>`,
    );
  };
}

function redirectTo(location: string) {
  return (_request: IncomingMessage, response: ServerResponse): void =>
    void response.writeHead(301, { location }).end();
}

describe("transport probe on loopback servers", { concurrency: true }, () => {
  let certs: TestCertificates;
  const servers: TestServer[] = [];
  let httpsV4: TestServer;
  let httpsV6: TestServer;
  let redirectV4: TestServer;
  let expiring: TestServer;
  let selfSigned: TestServer;
  let plainV4: TestServer;
  let plainV6Different: TestServer;
  let refused: number;

  before(async () => {
    certs = makeCertificates();
    const start = async (...args: Parameters<typeof startServer>): Promise<TestServer> => {
      const server = await startServer(...args);
      servers.push(server);
      return server;
    };
    httpsV4 = await start(homepage("示例市人民政府", securityHeaders), { tls: certs.good });
    httpsV6 = await start(homepage("示例市人民政府", securityHeaders), {
      tls: certs.good,
      address: "::1",
    });
    redirectV4 = await start(redirectTo(`https://${HOST}/`));
    expiring = await start(homepage("示例市人民政府"), { tls: certs.expiringSoon });
    selfSigned = await start(homepage("示例市人民政府"), { tls: certs.selfSigned });
    plainV4 = await start(homepage("示例市人民政府"));
    plainV6Different = await start(homepage("旧版网站"), { address: "::1" });
    refused = await closedPort();
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  async function probe(homepageUrl: string, mappings: HostMapping[]): Promise<TransportProbe> {
    const fetcher = new Fetcher(testOptions({ mappings, extraCaCerts: [certs.ca] }));
    try {
      return await probeTransport(homepageUrl, fetcher);
    } finally {
      await fetcher.close();
    }
  }

  /** What the integrator does with the probe: parse both family fetches, then run the checks. */
  function findings(result: TransportProbe, homepageFinalUrl: string, asOf = new Date()) {
    const parse = (fetched: NonNullable<TransportProbe["byFamily"]>["ipv4"]) =>
      parsePage(decodeBody(fetched.body!, fetched.headers["content-type"]).text, fetched.finalUrl);
    const byFamily = result.byFamily && {
      ipv4: parse(result.byFamily.ipv4),
      ipv6: parse(result.byFamily.ipv6),
    };
    return transportFindings({ site: SITE, facts: result.facts, homepageFinalUrl, byFamily, asOf });
  }

  it("a well-configured site: valid HTTPS, http → https, AAAA reachable with the same content, headers set", async () => {
    const result = await probe(`https://${HOST}/`, [
      connectTo(HOST, redirectV4.port, 80),
      connectTo(HOST, httpsV4.port, 443),
      connectTo(HOST, httpsV6.port, 443, "::1"),
    ]);
    const { https, http, ipv6, securityHeaders: headers } = result.facts;
    assert.ok(!isSkipped(https) && https.tls?.authorized, "certificate trusted");
    assert.match(!isSkipped(https) ? (https.tls?.issuer ?? "") : "", /Zhijian Test CA/);
    assert.ok(!isSkipped(http) && http.finalUrl === `https://${HOST}/`, "http redirected to https");
    assert.equal(ipv6.source, "mapping");
    assert.deepEqual(ipv6.ipv4, ["127.0.0.1"]);
    assert.deepEqual(ipv6.ipv6, ["::1"]);
    assert.equal(ipv6.overIpv6?.status, 200);
    assert.ok(httpsV6.requests.length >= 1, "the IPv6 server was really asked");
    assert.ok(!isSkipped(headers) && headers.headers["x-frame-options"] === "SAMEORIGIN");
    assert.deepEqual(findings(result, `https://${HOST}/`), []);
  });

  it("an http-only homepage with a self-signed certificate on 443, no AAAA, no headers", async () => {
    const result = await probe(`http://${HOST}/`, [
      connectTo(HOST, plainV4.port, 80),
      connectTo(HOST, selfSigned.port, 443),
    ]);
    const byCheck = Object.fromEntries(findings(result, `http://${HOST}/`).map((f) => [f.check, f]));
    assert.deepEqual(Object.keys(byCheck).sort(), [
      "standards.https",
      "standards.https-redirect",
      "standards.ipv6",
      "standards.security-headers",
    ]);
    assert.equal(byCheck["standards.https"]!.evidence.problem, "certificate");
    assert.equal(byCheck["standards.https"]!.evidence.error, "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.equal(byCheck["standards.ipv6"]!.evidence.problem, "no-aaaa");
    // Over plain http HSTS means nothing, so it is not asked for.
    assert.deepEqual(byCheck["standards.security-headers"]!.evidence.missing, [
      "Content-Security-Policy",
      "X-Frame-Options",
      "X-Content-Type-Options",
      "Referrer-Policy",
    ]);
  });

  it("leaves the certificate of an https homepage to site.tls-invalid", async () => {
    const result = await probe(`https://${HOST}/`, [connectTo(HOST, selfSigned.port, 443)]);
    const checks = findings(result, `https://${HOST}/`).map((f) => f.check);
    assert.ok(!checks.includes("standards.https"));
  });

  it("no HTTPS at all: the https port refuses connections", async () => {
    const result = await probe(`http://${HOST}/`, [
      connectTo(HOST, plainV4.port, 80),
      connectTo(HOST, refused, 443),
    ]);
    const https = findings(result, `http://${HOST}/`).filter((f) => f.check.startsWith("standards.https"));
    assert.deepEqual(
      https.map((f) => [f.check, f.evidence.problem]),
      [["standards.https", "unavailable"]],
      "no redirect finding on top of the missing HTTPS",
    );
  });

  it("a certificate expiring within 30 days; the same one judged 30 days earlier is fine", async () => {
    const result = await probe(`https://${HOST}/`, [connectTo(HOST, expiring.port, 443)]);
    const now = new Date();
    const soon = findings(result, `https://${HOST}/`, now).find(
      (f) => f.check === "standards.certificate-expiry",
    );
    assert.ok(soon, "expiry reported");
    assert.ok((soon.evidence.daysLeft as number) <= 10);
    const earlier = new Date(now.getTime() - 30 * 86_400_000);
    const checks = findings(result, `https://${HOST}/`, earlier).map((f) => f.check);
    assert.ok(!checks.includes("standards.certificate-expiry"));
  });

  it("an AAAA address that refuses connections", async () => {
    const result = await probe(`http://${HOST}/`, [
      connectTo(HOST, plainV4.port, 80),
      connectTo(HOST, refused, 80, "::1"),
    ]);
    assert.equal(result.byFamily, null);
    const ipv6 = findings(result, `http://${HOST}/`).find((f) => f.check === "standards.ipv6");
    assert.equal(ipv6?.evidence.problem, "unreachable");
    assert.equal(ipv6?.confidence, "confirmed");
  });

  it("different content over IPv6 (another site on the AAAA address) is suspected", async () => {
    const differs = await probe(`http://${HOST}/`, [
      connectTo(HOST, plainV4.port, 80),
      connectTo(HOST, plainV6Different.port, 80, "::1"),
    ]);
    const ipv6 = findings(differs, `http://${HOST}/`).find((f) => f.check === "standards.ipv6");
    assert.equal(ipv6?.evidence.problem, "content-differs");
    assert.equal(ipv6?.confidence, "suspected");
  });

  it("records unmapped ports and DNS under mappedOnly as not probed", async () => {
    const result = await probe(`http://${HOST}/`, [connectTo(HOST, plainV4.port, 80)]);
    assert.ok(isSkipped(result.facts.https));
    const other = await probe(`http://www.unmapped.gov.cn/`, []);
    assert.equal(other.facts.ipv6.source, "skipped");
    assert.match(other.facts.ipv6.skipped ?? "", /mappedOnly/);
    assert.ok(isSkipped(other.facts.securityHeaders));
    assert.deepEqual(findings(other, "http://www.unmapped.gov.cn/"), []);
  });
});
