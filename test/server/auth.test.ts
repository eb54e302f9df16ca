import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { startServer, type RunningServer } from "../../src/server/app.ts";
import { hashPassword, verifyPassword } from "../../src/server/password.ts";
import * as schema from "../../src/store/schema.ts";
import { addUser, Client, emptyStore, password, useServer } from "./helpers.ts";

describe("password hashing", () => {
  test("a hash names its parameters, verifies the password and nothing else", async () => {
    const hash = await hashPassword("秘密口令 12345", { N: 1024, r: 8, p: 1 });
    assert.match(hash, /^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    assert.equal(await verifyPassword("秘密口令 12345", hash), true);
    assert.equal(await verifyPassword("秘密口令 12346", hash), false);
    assert.notEqual(await hashPassword("秘密口令 12345", { N: 1024, r: 8, p: 1 }), hash, "salted");
    assert.equal(await verifyPassword("x", "md5$abc"), false);
  });
});

describe("sign-in, sessions, CSRF and headers", () => {
  const server = useServer("pglite");
  before(async () => {
    await emptyStore(server.db);
    await addUser(server.db, "inspector", "inspector");
    await addUser(server.db, "locked", "readonly");
  });

  test("login sets an HttpOnly SameSite=Strict cookie; me answers with the user; logout ends the session", async () => {
    const client = new Client(server.url);
    assert.equal((await client.get("/api/auth/me")).status, 401);
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "inspector", password }),
    });
    const cookie = response.headers.getSetCookie()[0]!;
    assert.match(cookie, /^zj_session=[\w-]{40,};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Path=\//);
    assert.match(cookie, /Max-Age=28800/);
    assert.doesNotMatch(cookie, /Secure/, "plain HTTP without --secure-cookies");

    const login = await client.login("inspector");
    assert.equal(login.status, 200);
    assert.deepEqual(
      { ...login.body.user, id: undefined },
      { id: undefined, username: "inspector", displayName: "inspector", role: "inspector", unit: null },
    );
    const me = await client.get("/api/auth/me");
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, "inspector");
    assert.equal(me.body.csrfToken, login.body.csrfToken);
    assert.equal(me.body.user.passwordHash, undefined);

    // The table keeps only a hash of the cookie's token.
    const token = client.cookie!.split("=")[1]!;
    const sessions = await server.db.select().from(schema.sessions);
    assert.ok(sessions.length >= 1);
    assert.ok(
      sessions.every((session) => session.tokenHash !== token && /^[0-9a-f]{64}$/.test(session.tokenHash)),
    );

    const stolen = client.cookie;
    assert.deepEqual((await client.post("/api/auth/logout")).body, { ok: true });
    const again = new Client(server.url);
    again.cookie = stolen;
    assert.equal((await again.get("/api/auth/me")).status, 401, "the session is gone, not only the cookie");
  });

  test("sessions expire after 8 hours", async () => {
    const client = await Client.signedIn(server.url, "inspector");
    server.now = new Date(server.now.getTime() + 8 * 3600_000 + 1000);
    try {
      const me = await client.get("/api/auth/me");
      assert.equal(me.status, 401);
      assert.deepEqual(me.body, { error: "请先登录", code: "unauthenticated" });
    } finally {
      server.now = new Date(server.now.getTime() - 8 * 3600_000 - 1000);
    }
  });

  test("a wrong password and an unknown user get the same 401; a disabled user cannot sign in", async () => {
    const client = new Client(server.url);
    const wrong = await client.login("inspector", "not the password");
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, { error: "用户名或密码不正确", code: "bad_credentials" });
    assert.deepEqual((await client.login("nobody", password)).body, wrong.body);
    await server.db.update(schema.users).set({ disabled: true }).where(eq(schema.users.username, "locked"));
    assert.equal((await client.login("locked")).status, 401);
    assert.equal(client.cookie, undefined);
  });

  test("after 5 failures per IP and username in 15 minutes, sign-in answers 429 with Retry-After", async () => {
    await addUser(server.db, "target", "readonly");
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) assert.equal((await client.login("target", `guess ${i}`)).status, 401);
    const limited = await client.login("target");
    assert.equal(limited.status, 429, "even the right password waits");
    assert.equal(limited.body.code, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.equal((await client.login("inspector")).status, 200, "another username is not limited");

    server.now = new Date(server.now.getTime() + 15 * 60_000 + 1000);
    assert.equal((await client.login("target")).status, 200, "the window has passed");
  });

  test("writes need the session's CSRF token in x-csrf-token", async () => {
    const client = await Client.signedIn(server.url, "inspector");
    const site = { name: "某县人民政府", homepage: "http://www.csrf.gov.cn/" };
    for (const headers of [{ "x-csrf-token": "" }, { "x-csrf-token": "forged" }]) {
      const refused = await client.request("POST", "/api/sites", site, headers);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, "csrf");
    }
    const noHeader = new Client(server.url);
    noHeader.cookie = client.cookie;
    assert.equal((await noHeader.post("/api/sites", site)).body.code, "csrf");
    assert.equal((await noHeader.post("/api/auth/logout")).body.code, "csrf");
    assert.equal((await client.post("/api/sites", site)).status, 201);
  });

  test("every answer carries the security headers; API answers are not cached", async () => {
    for (const url of ["/api/auth/me", "/", "/api/public/sites"]) {
      const response = await fetch(`${server.url}${url}`);
      const csp = response.headers.get("content-security-policy")!;
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/, "no inline scripts");
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      assert.equal(response.headers.get("x-frame-options"), "DENY");
      if (url.startsWith("/api/")) assert.equal(response.headers.get("cache-control"), "no-store");
    }
  });

  test("errors are Chinese JSON; unknown API paths are 404 JSON; bad bodies name the field", async () => {
    const client = await Client.signedIn(server.url, "inspector");
    const unknown = await client.get("/api/nothing-here");
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, "not_found");
    const bad = await client.post("/api/sites", { name: "x", homepage: 5, kind: "大" });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, "bad_request");
    assert.ok(bad.body.field === "homepage" || bad.body.field === "kind", JSON.stringify(bad.body));
    assert.match(bad.body.error, /请求内容不正确/);
  });

  test("the OpenAPI description lists the routes", async () => {
    const docs = (await new Client(server.url).get("/api/docs/json")).body;
    assert.equal(docs.openapi.slice(0, 2), "3.");
    for (const route of [
      "/api/auth/login",
      "/api/sites",
      "/api/problems/{id}/transition",
      "/api/public/error-reports",
    ])
      assert.ok(route in docs.paths, route);
    assert.ok(docs.paths["/api/sites"].post.requestBody, "bodies are described by their JSON schema");
  });

  test("without a web build, UI paths answer with a Chinese page saying how to build it", async () => {
    const response = await fetch(`${server.url}/sites/3`);
    assert.equal(response.status, 503);
    assert.match(await response.text(), /npm run build:web/);
  });

  describe("with a web build", () => {
    let webRoot = "";
    let ui: RunningServer | undefined;
    before(async () => {
      webRoot = await mkdtemp(path.join(tmpdir(), "zhijian-web-"));
      await mkdir(path.join(webRoot, "assets"));
      await writeFile(
        path.join(webRoot, "index.html"),
        "<!doctype html><title>智检</title><script type=module src=/assets/app.js></script>",
      );
      await writeFile(path.join(webRoot, "assets", "app.js"), "console.log(1)");
      ui = await startServer({ store: server.store, webRoot, port: 0 });
    });
    after(async () => {
      await ui?.close();
      await rm(webRoot, { recursive: true, force: true });
    });

    test("files are served, UI routes fall back to index.html, /api paths never do", async () => {
      const asset = await fetch(`${ui!.url}/assets/app.js`);
      assert.equal(asset.status, 200);
      assert.match(asset.headers.get("cache-control")!, /immutable/);
      for (const route of ["/", "/sites/3", "/problems?state=待确认"]) {
        const page = await fetch(`${ui!.url}${route}`);
        assert.equal(page.status, 200, route);
        assert.match(page.headers.get("content-type")!, /text\/html/);
        assert.match(await page.text(), /<title>智检<\/title>/);
      }
      const api = await new Client(ui!.url).get("/api/unknown");
      assert.equal(api.status, 401);
      assert.equal(api.body.code, "unauthenticated");
    });
  });
});
