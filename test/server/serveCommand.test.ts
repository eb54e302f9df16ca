/** `zhijian user add|passwd` and `zhijian serve` as a person runs them, on a PGlite data directory. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Command } from "commander";
import { addServeCommands, smtpOptions } from "../../src/cli/serveCommand.ts";
import { Client } from "./helpers.ts";

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  addServeCommands(program);
  await program.parseAsync(args, { from: "user" });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("smtpOptions", () => {
  test("reads host, port, TLS, credentials and sender from one URL", () => {
    assert.deepEqual(smtpOptions("smtps://zj%40x.gov.cn:p%40ss@mail.x.gov.cn?from=zj@x.gov.cn"), {
      host: "mail.x.gov.cn",
      port: 465,
      secure: true,
      user: "zj@x.gov.cn",
      pass: "p@ss",
      from: "zj@x.gov.cn",
    });
    assert.deepEqual(smtpOptions("smtp://127.0.0.1:2525?from=a@b.cn"), {
      host: "127.0.0.1",
      port: 2525,
      secure: false,
      from: "a@b.cn",
    });
    assert.throws(() => smtpOptions("http://mail.x.gov.cn"), /smtp:\/\//);
    assert.throws(() => smtpOptions("smtp://mail.x.gov.cn"), /from/);
  });
});

describe("zhijian user and serve", () => {
  let dir = "";
  let data = "";
  const saved = process.env.ZHIJIAN_PASSWORD;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "zhijian-serve-"));
    data = path.join(dir, "data");
  });
  after(async () => {
    if (saved === undefined) delete process.env.ZHIJIAN_PASSWORD;
    else process.env.ZHIJIAN_PASSWORD = saved;
    await rm(dir, { recursive: true, force: true });
  });

  test("user add and passwd, then serve answers the login, and stops on SIGTERM", async () => {
    process.env.ZHIJIAN_PASSWORD = "first password";
    await run(
      "user",
      "add",
      "wang",
      "--role",
      "owner",
      "--unit",
      "示范市人民政府办公室",
      "--name",
      "王五",
      "--db",
      data,
    );
    process.env.ZHIJIAN_PASSWORD = "short";
    await assert.rejects(run("user", "add", "li", "--role", "admin", "--db", data), /至少 8 个字符/);
    await assert.rejects(run("user", "add", "li", "--role", "owner", "--db", data), /--unit/);
    process.env.ZHIJIAN_PASSWORD = "second password";
    await run("user", "passwd", "wang", "--db", data);

    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "--eval",
        `import { Command } from "commander";
         import { addServeCommands } from "./src/cli/serveCommand.ts";
         const program = new Command();
         addServeCommands(program);
         await program.parseAsync(process.argv.slice(1), { from: "user" });`,
        "serve",
        "--db",
        data,
        "--port",
        String(port),
        "--web-root",
        path.join(dir, "no-web"),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", () => output.includes("已启动") && resolve());
        void exited.then(() => reject(new Error(`serve exited: ${output}`)));
      });
      assert.match(output, new RegExp(`智检平台已启动：http://127\\.0\\.0\\.1:${port}/`));
      const client = new Client(`http://127.0.0.1:${port}`);
      assert.equal((await client.login("wang", "first password")).status, 401);
      const login = await client.login("wang", "second password");
      assert.equal(login.status, 200);
      assert.deepEqual(
        [login.body.user.displayName, login.body.user.role, login.body.user.unit],
        ["王五", "owner", "示范市人民政府办公室"],
      );
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0, output);
    assert.match(output, /智检平台已停止/);
  });
});
