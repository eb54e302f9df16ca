import assert from "node:assert/strict";
import type { TLSSocket } from "node:tls";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { probeTls } from "../../src/fetch/tlsProbe.ts";
import {
  connectTo,
  makeCertificates,
  startServer,
  testOptions,
  type TestCertificates,
  type TestServer,
} from "./servers.ts";

const HOST = "www.test-a.gov.cn";

describe("TLS", { concurrency: true }, () => {
  let certs: TestCertificates;
  const servers: Record<"good" | "expired" | "wrongHost" | "selfSigned", TestServer> = {} as never;
  const serverNames: string[] = [];

  before(async () => {
    certs = makeCertificates();
    for (const kind of ["good", "expired", "wrongHost", "selfSigned"] as const) {
      servers[kind] = await startServer(
        (req, res) => {
          serverNames.push(String((req.socket as TLSSocket).servername));
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<p>${kind} 页面</p>`);
        },
        { tls: certs[kind] },
      );
    }
  });
  after(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });

  const fetcherFor = (
    kind: keyof typeof servers,
    overrides: Parameters<typeof testOptions>[0] = {},
  ): Fetcher =>
    new Fetcher(
      testOptions({
        mappings: [connectTo(HOST, servers[kind].port, 443)],
        extraCaCerts: [certs.ca],
        ...overrides,
      }),
    );

  it("records facts of a trusted certificate, with SNI and Host set to the original name", async () => {
    const fetcher = fetcherFor("good");
    try {
      const result = await fetcher.fetch(`https://${HOST}/`);
      assert.equal(result.error, undefined);
      assert.equal(result.status, 200);
      assert.equal(result.tls?.authorized, true);
      assert.equal(result.tls?.error, undefined);
      assert.deepEqual(result.tls?.altNames, [HOST]);
      assert.match(result.tls?.subject ?? "", /CN=www\.test-a\.gov\.cn/);
      assert.match(result.tls?.issuer ?? "", /CN=Zhijian Test CA/);
      assert.match(result.tls?.protocol ?? "", /^TLSv1\.[23]$/);
      assert.ok(Date.parse(result.tls?.validTo ?? "") > Date.now());
      assert.equal(servers.good.requests.at(-1)?.host, HOST);
      assert.ok(serverNames.includes(HOST));
    } finally {
      await fetcher.close();
    }
  });

  const faults = [
    { kind: "selfSigned", code: "DEPTH_ZERO_SELF_SIGNED_CERT" },
    { kind: "expired", code: "CERT_HAS_EXPIRED" },
    { kind: "wrongHost", code: "ERR_TLS_CERT_ALTNAME_INVALID" },
  ] as const;

  for (const { kind, code } of faults) {
    it(`${kind}: returns error TLS with the facts when insecure reading is off`, async () => {
      const fetcher = fetcherFor(kind, { insecureAfterTlsError: false, retries: 2 });
      try {
        const result = await fetcher.fetch(`https://${HOST}/`);
        assert.equal(result.status, 0);
        assert.equal(result.error?.code, "TLS");
        assert.equal(result.tls?.authorized, false);
        assert.equal(result.tls?.error, code);
        assert.equal(result.body, undefined);
        assert.equal(result.attempts, 1, "a certificate fault is not transient");
        assert.equal(servers[kind].requests.length, 0, "no request went over the untrusted connection");
      } finally {
        await fetcher.close();
      }
    });
  }

  for (const { kind, code } of faults) {
    it(`${kind}: still reads the content by default, keeping the fault as a fact`, async () => {
      const fetcher = fetcherFor(kind);
      try {
        for (let i = 0; i < 2; i++) {
          const result = await fetcher.fetch(`https://${HOST}/page-${i}`);
          assert.equal(result.error, undefined);
          assert.equal(result.status, 200);
          assert.equal(result.body?.toString(), `<p>${kind} 页面</p>`);
          assert.equal(result.tls?.authorized, false);
          assert.equal(result.tls?.error, code);
        }
      } finally {
        await fetcher.close();
      }
    });
  }

  it("reports an expired certificate's dates", async () => {
    const fetcher = fetcherFor("expired");
    try {
      const result = await fetcher.fetch(`https://${HOST}/`);
      assert.equal(result.tls?.validFrom, "2020-01-01T00:00:00.000Z");
      assert.equal(result.tls?.validTo, "2021-01-01T00:00:00.000Z");
    } finally {
      await fetcher.close();
    }
  });

  it("rejects a certificate from an unknown CA", async () => {
    const fetcher = fetcherFor("good", { extraCaCerts: [], insecureAfterTlsError: false });
    try {
      const result = await fetcher.fetch(`https://${HOST}/`);
      assert.equal(result.error?.code, "TLS");
      assert.match(result.tls?.error ?? "", /UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
    } finally {
      await fetcher.close();
    }
  });

  it("probeTls reads the same facts without throwing, also for a dead port", async () => {
    const options = (kind: keyof typeof servers) => ({
      mappings: [connectTo(HOST, servers[kind].port, 443)],
      mappedOnly: true,
      extraCaCerts: [certs.ca],
    });
    const good = await probeTls(`https://${HOST}/`, options("good"));
    assert.equal(good.authorized, true);
    const expired = await probeTls(`https://${HOST}/`, options("expired"));
    assert.deepEqual([expired.authorized, expired.error], [false, "CERT_HAS_EXPIRED"]);
    const wrong = await probeTls(`https://${HOST}/`, options("wrongHost"));
    assert.deepEqual(wrong.altNames, ["www.other.gov.cn"]);
    assert.equal(wrong.error, "ERR_TLS_CERT_ALTNAME_INVALID");
    const unmapped = await probeTls("https://www.unmapped.gov.cn/", { mappedOnly: true });
    assert.deepEqual(unmapped, { authorized: false, error: "ENOTFOUND" });
    const dead = await probeTls(`https://${HOST}/`, {
      mappings: [connectTo(HOST, 1, 443)],
      mappedOnly: true,
    });
    assert.deepEqual(dead, { authorized: false, error: "ECONNREFUSED" });
  });
});
