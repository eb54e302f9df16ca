/**
 * The web UI (docs/api.md): the files Vite built into web/dist, and index.html for every other GET
 * path outside /api, so UI routes such as /sites/3 load the app. Without a build, those paths answer
 * with a Chinese page saying how to make one.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export const defaultWebRoot = "web/dist";

const missingBuildPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>智检</title></head>
<body><h1>智检平台</h1><p>网页界面尚未构建。请在项目目录运行 <code>npm run build:web</code> 后刷新本页。</p>
<p>接口仍可使用：<a href="/api/docs/json">/api/docs/json</a></p></body></html>
`;

/** Registers the UI; returns the handler for GET paths no route answered (outside /api). */
export async function registerStaticUi(
  app: FastifyInstance,
  webRoot: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  const root = path.resolve(webRoot);
  if (!existsSync(path.join(root, "index.html")))
    return (_request, reply) => reply.code(503).type("text/html; charset=utf-8").send(missingBuildPage);
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Vite names built assets by content hash: they never change under the same name.
    setHeaders: (reply, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`))
        reply.header("cache-control", "public, max-age=31536000, immutable");
    },
  });
  return (_request, reply) => reply.header("cache-control", "no-cache").sendFile("index.html");
}
