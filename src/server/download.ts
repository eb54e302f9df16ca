/** File answers (exports): the right type and a Chinese file name that every browser keeps. */
import type { FastifyReply } from "fastify";

const types = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export type DownloadFormat = keyof typeof types;

export function sendDownload(
  reply: FastifyReply,
  bytes: Buffer,
  fileName: string,
  format: DownloadFormat,
): FastifyReply {
  // filename= carries an ASCII fallback; filename*= (RFC 6266) the Chinese name.
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return reply
    .header("content-type", types[format])
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(bytes);
}
