import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { UsageError } from "../../src/core/errors.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { mapTarget, parseConnectTo, parseResolve, routeHost } from "../../src/fetch/hostMapping.ts";
import { closedPort, connectTo, startServer, testOptions, type TestServer } from "./servers.ts";

describe("host mapping specs", () => {
  it("parses --resolve with IPv4, bracketed and bare IPv6, and * for any host", () => {
    assert.deepEqual(parseResolve("www.test-a.gov.cn:443:127.0.0.1"), {
      host: "www.test-a.gov.cn",
      port: 443,
      address: "127.0.0.1",
      toPort: null,
      spec: "www.test-a.gov.cn:443:127.0.0.1",
      kind: "resolve",
    });
    assert.equal(parseResolve("WWW.Test-A.gov.cn:80:[::1]").address, "::1");
    assert.equal(parseResolve("WWW.Test-A.gov.cn:80:[::1]").host, "www.test-a.gov.cn");
    assert.equal(parseResolve("a.gov.cn:80:::1").address, "::1");
    assert.equal(parseResolve("*:80:127.0.0.2").host, "");
    assert.equal(parseResolve("+a.gov.cn:80:127.0.0.2,127.0.0.3").address, "127.0.0.2");
  });

  it("matches Chinese domain names written in Chinese against the URL's punycode host", () => {
    const mapping = parseResolve("www.政府.cn:80:127.0.0.1");
    assert.equal(mapping.host, "www.xn--mxtq1m.cn");
    assert.deepEqual(mapTarget([mapping], new URL("http://www.政府.cn/").hostname, 80), {
      address: "127.0.0.1",
      port: 80,
    });
  });

  it("parses --connect-to with empty fields meaning any / keep", () => {
    const m = parseConnectTo("::[::1]:8443");
    assert.equal(m.host, "");
    assert.equal(m.port, null);
    assert.equal(m.address, "::1");
    assert.equal(m.toPort, 8443);
    const keepPort = parseConnectTo("a.gov.cn:443:backend.local:");
    assert.equal(keepPort.toPort, null);
    assert.equal(keepPort.address, "backend.local");
  });

  it("rejects malformed specs with a Chinese UsageError", () => {
    for (const bad of [
      "a.gov.cn:80",
      "a.gov.cn:x:127.0.0.1",
      "a.gov.cn:80:not-an-ip",
      ":80:127.0.0.1",
      "a.gov.cn:70000:127.0.0.1",
    ]) {
      assert.throws(
        () => parseResolve(bad),
        (err: unknown) => err instanceof UsageError && /--resolve 参数无效/.test(err.message),
        bad,
      );
    }
    for (const bad of [
      "a.gov.cn:80:127.0.0.1",
      "a.gov.cn:80:::1:80",
      "a.gov.cn:0:b:80",
      "a:80:[::1:80",
      "a b:80:c:80",
    ]) {
      assert.throws(
        () => parseConnectTo(bad),
        (err: unknown) => err instanceof UsageError && /--connect-to 参数无效/.test(err.message),
        bad,
      );
    }
  });

  it("applies --connect-to first and then --resolve to the name it connects to, as curl does", () => {
    const mappings = [
      parseConnectTo("a.gov.cn::backend.gov.cn:9999"),
      parseConnectTo(":80:127.0.0.8:8888"),
      parseResolve("a.gov.cn:81:127.0.0.2"),
      parseResolve("backend.gov.cn:9999:127.0.0.1"),
      parseResolve("c.gov.cn:443:127.0.0.3"),
    ];
    assert.deepEqual(mapTarget(mappings, "A.gov.cn", 81), { address: "127.0.0.1", port: 9999 });
    assert.deepEqual(mapTarget(mappings, "b.gov.cn", 80), { address: "127.0.0.8", port: 8888 });
    assert.deepEqual(mapTarget(mappings, "c.gov.cn", 443), { address: "127.0.0.3", port: 443 });
    assert.equal(mapTarget(mappings, "b.gov.cn", 443), null);
  });

  it("refuses .invalid names and, with mappedOnly, unmapped names, without DNS", () => {
    assert.equal("code" in routeHost([], false, "www.example.invalid", 80), true);
    assert.equal("code" in routeHost([], true, "www.gov.cn", 80), true);
    assert.equal("code" in routeHost([], false, "www.gov.cn", 80), false);
    assert.deepEqual(routeHost([], true, "127.0.0.1", 80), { address: "127.0.0.1", port: 80 });
    assert.deepEqual(routeHost([parseResolve("x.invalid:80:127.0.0.1")], true, "x.invalid", 80), {
      address: "127.0.0.1",
      port: 80,
    });
  });
});

describe("host mapping on the wire", () => {
  let v4: TestServer;
  let v6: TestServer;
  before(async () => {
    const answer = (label: string) => (_req: unknown, res: import("node:http").ServerResponse) =>
      res.writeHead(200, { "content-type": "text/plain" }).end(label);
    v4 = await startServer(answer("v4"));
    v6 = await startServer(answer("v6"), { address: "::1" });
  });
  after(async () => {
    await v4.close();
    await v6.close();
  });

  it("connects to the mapped address while the Host header keeps the original name", async () => {
    const fetcher = new Fetcher(testOptions({ mappings: [connectTo("www.test-a.gov.cn", v4.port)] }));
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/index.html");
      assert.equal(result.error, undefined);
      assert.equal(result.body?.toString(), "v4");
      assert.equal(v4.requests.at(-1)?.host, "www.test-a.gov.cn");
      assert.equal(v4.requests.at(-1)?.headers["user-agent"], fetcher.options.userAgent);
    } finally {
      await fetcher.close();
    }
  });

  it("reaches an IPv6 loopback server through --resolve with a bracketed address", async () => {
    const fetcher = new Fetcher(
      testOptions({ mappings: [parseResolve(`www.test-v6.gov.cn:${v6.port}:[::1]`)] }),
    );
    try {
      const result = await fetcher.fetch(`http://www.test-v6.gov.cn:${v6.port}/`);
      assert.equal(result.status, 200);
      assert.equal(result.body?.toString(), "v6");
      assert.equal(v6.requests.at(-1)?.host, `www.test-v6.gov.cn:${v6.port}`);
    } finally {
      await fetcher.close();
    }
  });

  it("fails unknown hosts with ENOTFOUND without touching DNS, and refused ports with ECONNREFUSED", async () => {
    const refused = await closedPort();
    const fetcher = new Fetcher(
      testOptions({ mappedOnly: true, mappings: [connectTo("www.down.gov.cn", refused)], retries: 2 }),
    );
    try {
      const invalid = await fetcher.fetch("http://www.example.invalid/");
      assert.equal(invalid.error?.code, "ENOTFOUND");
      assert.equal(invalid.status, 0);
      const unmapped = await fetcher.fetch("https://www.gov.cn/");
      assert.equal(unmapped.error?.code, "ENOTFOUND");
      assert.equal(unmapped.attempts, 1, "a missing host is not retried");
      const down = await fetcher.fetch("http://www.down.gov.cn/");
      assert.equal(down.error?.code, "ECONNREFUSED");
      assert.equal(down.attempts, 1, "a refused connection is not retried");
    } finally {
      await fetcher.close();
    }
  });

  it("reports unusable URLs as data", async () => {
    const fetcher = new Fetcher(testOptions());
    try {
      assert.equal((await fetcher.fetch("not a url")).error?.code, "BAD_URL");
      assert.equal((await fetcher.fetch("ftp://www.test-a.gov.cn/file")).error?.code, "UNSUPPORTED_SCHEME");
    } finally {
      await fetcher.close();
    }
  });
});
