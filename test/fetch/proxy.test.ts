import assert from "node:assert/strict";
import * as http from "node:http";
import * as net from "node:net";
import { after, before, describe, it } from "node:test";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, makeCertificates, startServer, testOptions, type TestServer } from "./servers.ts";

/** A minimal HTTP proxy that only tunnels (CONNECT), recording what it was asked for. */
async function startConnectProxy(): Promise<{ port: number; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? "");
    const url = new URL(`http://${req.url}`);
    const upstream = net.connect(Number(url.port), url.hostname.replace(/^\[|\]$/g, ""), () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    port: (proxy.address() as net.AddressInfo).port,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

describe("proxy", () => {
  let plain: TestServer;
  let secure: TestServer;
  let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
  let ca: string;
  before(async () => {
    const certs = makeCertificates();
    ca = certs.ca;
    plain = await startServer((_req, res) => res.writeHead(200).end("via proxy"));
    secure = await startServer((_req, res) => res.writeHead(200).end("via proxy, encrypted"), {
      tls: certs.good,
    });
    proxy = await startConnectProxy();
  });
  after(async () => {
    await proxy.close();
    await plain.close();
    await secure.close();
  });

  it("sends http and https requests through the proxy, tunnelling to the mapped address", async () => {
    const fetcher = new Fetcher(
      testOptions({
        proxy: `http://127.0.0.1:${proxy.port}`,
        extraCaCerts: [ca],
        mappings: [
          connectTo("www.test-a.gov.cn", plain.port),
          connectTo("www.test-a.gov.cn", secure.port, 443),
        ],
      }),
    );
    try {
      const overHttp = await fetcher.fetch("http://www.test-a.gov.cn/page");
      assert.equal(overHttp.error, undefined);
      assert.equal(overHttp.body?.toString(), "via proxy");
      assert.equal(plain.requests.at(-1)?.host, "www.test-a.gov.cn");

      const overHttps = await fetcher.fetch("https://www.test-a.gov.cn/page");
      assert.equal(overHttps.error, undefined);
      assert.equal(overHttps.body?.toString(), "via proxy, encrypted");
      assert.equal(overHttps.tls?.authorized, true, "SNI and verification use the original name");

      assert.deepEqual(proxy.connects, [`127.0.0.1:${plain.port}`, `127.0.0.1:${secure.port}`]);

      const facts = await fetcher.probeTls("https://www.test-a.gov.cn/");
      assert.equal(facts.authorized, true);
      assert.equal(proxy.connects.length, 3, "the TLS probe goes through the proxy too");

      const unmapped = await fetcher.fetch("http://www.unmapped.gov.cn/");
      assert.equal(unmapped.error?.code, "ENOTFOUND");
      assert.equal(proxy.connects.length, 3, "mappedOnly keeps unmapped hosts away from the proxy too");
    } finally {
      await fetcher.close();
    }
  });
});
