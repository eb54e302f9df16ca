/** Real loopback servers and certificates for the fetch tests (no mocks). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultFetchOptions } from "../../src/fetch/defaults.ts";
import { parseConnectTo } from "../../src/fetch/hostMapping.ts";
import type { FetchOptions, HostMapping } from "../../src/fetch/types.ts";

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface TestServer {
  port: number;
  /** Every request received, in arrival order, with its start time. */
  requests: Array<{
    method: string;
    url: string;
    host: string | undefined;
    at: number;
    headers: http.IncomingHttpHeaders;
  }>;
  server: http.Server;
  close(): Promise<void>;
}

/** An HTTP (or, with tls, HTTPS) server on a loopback address and a free port. */
export async function startServer(
  handler: Handler,
  options: { address?: string; tls?: { key: string; cert: string } } = {},
): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const listener: Handler = (request, response) => {
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      host: request.headers.host,
      at: performance.now(),
      headers: request.headers,
    });
    handler(request, response);
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  return listen(server, options.address ?? "127.0.0.1", requests);
}

async function listen(
  server: http.Server,
  address: string,
  requests: TestServer["requests"],
): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that accepts and then says nothing (handshakes and requests hang). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on which nothing listens: bound, then closed. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** --connect-to HOST:PORT:127.0.0.1:serverPort (PORT defaults to 80, as for an http:// URL). */
export function connectTo(
  host: string,
  serverPort: number,
  fromPort = 80,
  address = "127.0.0.1",
): HostMapping {
  const target = address.includes(":") ? `[${address}]` : address;
  return parseConnectTo(`${host}:${fromPort}:${target}:${serverPort}`);
}

/** Fast, loopback-only options: no DNS ever, no politeness spacing, no retries unless asked. */
export function testOptions(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return defaultFetchOptions({
    mappedOnly: true,
    minIntervalMs: 0,
    retries: 0,
    retryBaseDelayMs: 50,
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    bodyTimeoutMs: 2000,
    totalTimeoutMs: 5000,
    ...overrides,
  });
}

export interface TestCertificates {
  ca: string;
  /** Signed by ca for www.test-a.gov.cn, valid for a year. */
  good: { key: string; cert: string };
  /** Signed by ca for www.test-a.gov.cn, valid 10 days: inside a 30-day expiry warning. */
  expiringSoon: { key: string; cert: string };
  /** Signed by ca for www.test-a.gov.cn, valid only in 2020. */
  expired: { key: string; cert: string };
  /** Signed by ca for www.other.gov.cn. */
  wrongHost: { key: string; cert: string };
  /** Self-signed for www.test-a.gov.cn. */
  selfSigned: { key: string; cert: string };
}

/** Generates a test CA and leaf certificates with the openssl CLI (EC keys: fast). */
export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), "zhijian-certs-"));
  const run = (...args: string[]): void => void execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  const read = (name: string): string => readFileSync(join(dir, name), "utf8");
  try {
    run(
      "req",
      "-x509",
      ...ec,
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "400",
      "-subj",
      "/CN=Zhijian Test CA",
    );
    writeFileSync(join(dir, "index.txt"), "");
    writeFileSync(join(dir, "serial.txt"), "01\n");
    writeFileSync(
      join(dir, "ca.cnf"),
      [
        "[ca]",
        "default_ca = testca",
        "[testca]",
        "dir = .",
        "database = index.txt",
        "new_certs_dir = .",
        "certificate = ca.pem",
        "private_key = ca.key",
        "serial = serial.txt",
        "default_md = sha256",
        "policy = anything",
        "unique_subject = no",
        "[anything]",
        "commonName = supplied",
        "",
      ].join("\n"),
    );
    const leaf = (name: string, host: string, dates: string[]): { key: string; cert: string } => {
      run("req", "-new", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${host}`);
      writeFileSync(join(dir, `${name}.ext`), `subjectAltName=DNS:${host}\n`);
      run(
        "ca",
        "-batch",
        "-config",
        "ca.cnf",
        "-in",
        `${name}.csr`,
        "-out",
        `${name}.pem`,
        "-extfile",
        `${name}.ext`,
        ...dates,
      );
      return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
    };
    const good = leaf("good", "www.test-a.gov.cn", ["-days", "365"]);
    const expiringSoon = leaf("soon", "www.test-a.gov.cn", ["-days", "10"]);
    const expired = leaf("expired", "www.test-a.gov.cn", [
      "-startdate",
      "20200101000000Z",
      "-enddate",
      "20210101000000Z",
    ]);
    const wrongHost = leaf("wrong", "www.other.gov.cn", ["-days", "30"]);
    run(
      "req",
      "-x509",
      ...ec,
      "-keyout",
      "self.key",
      "-out",
      "self.pem",
      "-days",
      "30",
      "-subj",
      "/CN=www.test-a.gov.cn",
      "-addext",
      "subjectAltName=DNS:www.test-a.gov.cn",
    );
    const selfSigned = { key: read("self.key"), cert: read("self.pem") };
    return { ca: read("ca.pem"), good, expiringSoon, expired, wrongHost, selfSigned };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
