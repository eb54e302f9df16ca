import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { parseResolve } from "../../src/fetch/hostMapping.ts";
import { probeHomepage } from "../../src/fetch/probe.ts";
import {
  closedPort,
  connectTo,
  makeCertificates,
  startServer,
  startSilentServer,
  type TestServer,
} from "../fetch/servers.ts";

const HOST = "www.test-a.gov.cn";
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试</title></head><body>${"政务公开".repeat(200)}</body></html>`;

function routes(request: IncomingMessage, response: ServerResponse): void {
  switch (request.url) {
    case "/":
    case "/index.html":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    case "/moved":
      response.writeHead(301, { location: "/index.html" }).end();
      return;
    case "/elsewhere":
      response.writeHead(302, { location: "http://www.test-b.gov.cn/index.html" }).end();
      return;
    case "/loop":
      response.writeHead(302, { location: "/loop" }).end();
      return;
    case "/error":
      response.writeHead(500, { "content-type": "text/plain" }).end("服务器错误");
      return;
    case "/slow-body":
      // Headers and a first part arrive at once; the rest never does.
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.write("<html><body>正在加载");
      return;
    case "/cut":
      response.writeHead(200, { "content-type": "text/html", "content-length": "5000" });
      response.write("<html>");
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    default:
      response.writeHead(404).end();
  }
}

describe("probeHomepage", { concurrency: true }, () => {
  let server: TestServer;
  const at = (path = "/") => `http://${HOST}${path}`;
  const options = (extra: Parameters<typeof probeHomepage>[1] = {}) => ({
    mappings: [connectTo(HOST, server.port), connectTo("www.test-b.gov.cn", server.port)],
    mappedOnly: true,
    deadlineMs: 3000,
    ...extra,
  });

  before(async () => {
    server = await startServer(routes);
  });
  after(() => server.close());

  it("loads a homepage over a mapped host: timings, bytes, Host header, no DNS for a mapped address", async () => {
    const scheduledAt = new Date(Date.now() - 250);
    const record = await probeHomepage(at(), options({ scheduledAt }));
    assert.equal(record.ok, true, JSON.stringify(record.error));
    assert.equal(record.v, 1);
    assert.equal(record.site, `http://${HOST}`);
    assert.equal(record.status, 200);
    assert.equal(record.error, null);
    assert.equal(record.bytes, Buffer.byteLength(PAGE));
    assert.equal(record.timings.dnsMs, null, "a --connect-to address needs no DNS");
    assert.equal(record.timings.tlsMs, null, "http has no TLS");
    assert.ok(record.timings.connectMs !== null && record.timings.connectMs >= 0);
    assert.ok(record.timings.ttfbMs !== null && record.timings.ttfbMs >= record.timings.connectMs);
    assert.ok(record.timings.totalMs >= record.timings.ttfbMs);
    assert.equal(record.tls, null);
    assert.equal(record.scheduledAt, scheduledAt.toISOString());
    assert.ok(record.startDelayMs >= 250 && record.startDelayMs < 2000, String(record.startDelayMs));
    assert.ok(server.requests.some((request) => request.host === HOST));
  });

  it("opens a fresh connection for every probe and every redirect hop", async () => {
    // A server of its own: the other tests run at the same time.
    const own = await startServer(routes);
    let connections = 0;
    own.server.on("connection", () => connections++);
    try {
      const mappings = [connectTo(HOST, own.port)];
      await probeHomepage(`http://${HOST}/moved`, { mappings, mappedOnly: true });
      await probeHomepage(`http://${HOST}/moved`, { mappings, mappedOnly: true });
      assert.equal(own.requests.length, 4);
      assert.equal(connections, 4);
    } finally {
      await own.close();
    }
  });

  it("follows redirects, also to another host, and records the hops", async () => {
    const record = await probeHomepage(at("/moved"), options());
    assert.equal(record.ok, true);
    assert.equal(record.finalUrl, `http://${HOST}/index.html`);
    assert.deepEqual(record.redirects, [
      { url: `http://${HOST}/moved`, status: 301, location: "/index.html" },
    ]);
    const across = await probeHomepage(at("/elsewhere"), options());
    assert.equal(across.ok, true);
    assert.equal(across.finalUrl, "http://www.test-b.gov.cn/index.html");
    assert.equal(across.site, `http://${HOST}`, "the site is the probed URL's, not the redirect target's");
  });

  it("fails on a redirect loop and past the hop limit", async () => {
    const loop = await probeHomepage(at("/loop"), options());
    assert.equal(loop.ok, false);
    assert.equal(loop.error?.code, "REDIRECT_LOOP");
    const limited = await probeHomepage(at("/moved"), options({ maxRedirects: 0 }));
    assert.equal(limited.error?.code, "TOO_MANY_REDIRECTS");
  });

  it("a 500 is a failed probe with its status", async () => {
    const record = await probeHomepage(at("/error"), options());
    assert.equal(record.ok, false);
    assert.equal(record.status, 500);
    assert.equal(record.error?.code, "HTTP_STATUS");
    assert.match(record.error?.message ?? "", /HTTP 500/);
  });

  it("a body still arriving at the deadline is a timeout, however fast the headers were", async () => {
    // Long enough for the headers to arrive on a loaded machine; the body never completes anyway.
    const record = await probeHomepage(at("/slow-body"), options({ deadlineMs: 1000 }));
    assert.equal(record.ok, false);
    assert.equal(record.status, 200);
    assert.equal(record.error?.code, "TIMEOUT");
    assert.match(record.error?.message ?? "", /内未能完整打开首页（接收正文阶段超时，已收到 \d+ 字节）/);
    assert.ok(record.timings.totalMs >= 995 && record.timings.totalMs < 3000, String(record.timings.totalMs));
    assert.ok(record.bytes > 0);
  });

  it("a body cut short is a failure", async () => {
    const record = await probeHomepage(at("/cut"), options());
    assert.equal(record.ok, false);
    assert.equal(record.error?.code, "ECONNRESET");
    assert.match(record.error?.message ?? "", /正文未接收完整/);
  });

  it("a server that never answers times out while waiting for the response", async () => {
    const silent = await startSilentServer();
    try {
      // Long enough that connecting on loopback fits inside it even while the other tests of this
      // file keep the event loop busy: the phase that times out must be the wait for the response.
      const record = await probeHomepage(`http://127.0.0.1:${silent.port}/`, { deadlineMs: 1500 });
      assert.equal(record.error?.code, "TIMEOUT");
      assert.match(record.error?.message ?? "", /等待响应阶段超时/);
      assert.equal(record.status, 0);
      assert.equal(record.timings.ttfbMs, null);
    } finally {
      await silent.close();
    }
  });

  it("connection refused", async () => {
    const port = await closedPort();
    const record = await probeHomepage(`http://www.down.gov.cn/`, {
      mappings: [connectTo("www.down.gov.cn", port)],
      mappedOnly: true,
    });
    assert.equal(record.ok, false);
    assert.equal(record.error?.code, "ECONNREFUSED");
    assert.match(record.error?.message ?? "", /连接被拒绝/);
    assert.match(record.error?.detail ?? "", /ECONNREFUSED/);
  });

  it("--resolve maps a name to an address, keeping the port", async () => {
    const record = await probeHomepage(`http://${HOST}:${server.port}/`, {
      mappings: [parseResolve(`${HOST}:${server.port}:127.0.0.1`)],
      mappedOnly: true,
    });
    assert.equal(record.ok, true, JSON.stringify(record.error));
    assert.equal(record.timings.dnsMs, null);
  });

  it("a mapping to a host name pays (and records) a DNS lookup", async () => {
    const record = await probeHomepage(at(), {
      mappings: [connectTo(HOST, server.port, 80, "localhost")],
      mappedOnly: true,
    });
    assert.equal(record.ok, true, JSON.stringify(record.error));
    assert.ok(record.timings.dnsMs !== null && record.timings.dnsMs >= 0);
  });

  it(".invalid never resolves, and mappedOnly refuses unmapped names, both without DNS", async () => {
    const invalid = await probeHomepage("http://www.site.invalid/", {});
    assert.equal(invalid.error?.code, "ENOTFOUND");
    assert.match(invalid.error?.message ?? "", /RFC 6761/);
    assert.equal(invalid.timings.dnsMs, null);
    const unmapped = await probeHomepage("http://www.unmapped.gov.cn/", { mappedOnly: true });
    assert.equal(unmapped.error?.code, "ENOTFOUND");
    assert.match(unmapped.error?.message ?? "", /mappedOnly/);
  });

  it("never throws: bad URLs and schemes become failed records", async () => {
    const bad = await probeHomepage("not a url");
    assert.equal(bad.ok, false);
    assert.equal(bad.error?.code, "BAD_URL");
    assert.equal(bad.site, "not a url");
    const ftp = await probeHomepage("ftp://www.x.gov.cn/");
    assert.equal(ftp.error?.code, "UNSUPPORTED_SCHEME");
  });
});

describe("probeHomepage over HTTPS", { concurrency: true }, () => {
  const certs = makeCertificates();
  let selfSigned: TestServer;
  let good: TestServer;
  let sniSeen: string | undefined;
  const page = (request: IncomingMessage, response: ServerResponse) => {
    sniSeen = (request.socket as Socket & { servername?: string }).servername;
    response.writeHead(200, { "content-type": "text/html" }).end("<p>ok</p>");
  };
  before(async () => {
    selfSigned = await startServer(page, { tls: certs.selfSigned });
    good = await startServer(page, { tls: certs.good });
  });
  after(async () => {
    await selfSigned.close();
    await good.close();
  });

  it("an untrusted (self-signed) certificate is recorded, not a failure: the homepage opens", async () => {
    const record = await probeHomepage(`https://${HOST}/`, {
      mappings: [connectTo(HOST, selfSigned.port, 443)],
      mappedOnly: true,
    });
    assert.equal(record.ok, true, JSON.stringify(record.error));
    assert.ok(record.timings.tlsMs !== null && record.timings.tlsMs > 0);
    assert.equal(record.tls?.authorized, false);
    assert.equal(record.tls?.error, "DEPTH_ZERO_SELF_SIGNED_CERT");
    assert.ok(record.tls?.validTo);
    assert.ok(record.tls?.daysLeft === 29 || record.tls?.daysLeft === 30, String(record.tls?.daysLeft));
    assert.equal(sniSeen, HOST, "SNI carries the original host name");
  });

  it("a certificate from a trusted CA verifies", async () => {
    const record = await probeHomepage(`https://${HOST}/`, {
      mappings: [connectTo(HOST, good.port, 443)],
      mappedOnly: true,
      extraCaCerts: [certs.ca],
    });
    assert.equal(record.ok, true);
    assert.equal(record.tls?.authorized, true);
    assert.equal(record.tls?.error, null);
    assert.match(record.tls?.issuer ?? "", /Zhijian Test CA/);
    assert.match(record.tls?.protocol ?? "", /^TLSv1\.[23]$/);
  });

  it("a TLS handshake with a plain-HTTP server fails as TLS, not as a hang", async () => {
    const plain = await startServer((_request, response) => void response.end("plain"));
    try {
      const record = await probeHomepage(`https://${HOST}/`, {
        mappings: [connectTo(HOST, plain.port, 443)],
        mappedOnly: true,
        deadlineMs: 2000,
      });
      assert.equal(record.ok, false);
      assert.notEqual(record.error?.code, "TIMEOUT");
      assert.match(record.error?.message ?? "", /TLS|连接/);
    } finally {
      await plain.close();
    }
  });
});
