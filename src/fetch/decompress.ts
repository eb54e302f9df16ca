import { Readable, pipeline } from "node:stream";
import * as zlib from "node:zlib";
import { toNetError, type NetError } from "./netErrors.ts";

export interface BodyLimits {
  /** Largest decoded body kept. */
  maxBodyBytes: number;
  /** Decoded/encoded size ratio above which the body is treated as a decompression bomb. */
  maxCompressionRatio: number;
}

export interface BodyOutcome {
  /** What was read and decoded, even when reading stopped early. */
  body: Buffer;
  /** Reading stopped before the end of the body (limit, corrupt stream or network error). */
  truncated: boolean;
  error?: NetError;
}

/** The ratio limit only applies past this much output: small, very repetitive pages are normal. */
const BOMB_CHECK_AFTER_BYTES = 1024 * 1024;

type Decoder = "gzip" | "deflate" | "br";

/**
 * Reads a body stream, undoing its Content-Encoding on the fly, and stops as soon as a limit is
 * reached so that neither a huge page nor a decompression bomb is ever held in memory whole.
 * Never rejects: stream and network failures come back as `error`.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  limits: BodyLimits,
): Promise<BodyOutcome> {
  const decoders = parseContentEncoding(contentEncoding);
  if (decoders === null) {
    source.destroy();
    return {
      body: Buffer.alloc(0),
      truncated: true,
      error: { code: "BAD_ENCODING", message: `不支持的 Content-Encoding：${contentEncoding}` },
    };
  }

  let encodedBytes = 0;
  let sourceError: unknown;
  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  let stop: NetError | undefined;

  const input = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Pulling the first chunk before building the decoders lets deflate tell zlib-wrapped from raw.
  let first: IteratorResult<Buffer>;
  try {
    first = await input.next();
  } catch (err) {
    source.destroy();
    return { body: Buffer.alloc(0), truncated: true, error: toNetError(err) };
  }

  async function* countedInput(): AsyncGenerator<Buffer> {
    try {
      let next = first;
      while (!next.done) {
        encodedBytes += next.value.length;
        yield next.value;
        next = await input.next();
      }
    } catch (err) {
      sourceError = err;
      throw err;
    }
  }

  let output: AsyncIterable<Buffer> = countedInput();
  // Encodings are listed in the order they were applied, so they are undone from the last.
  for (const [index, decoder] of [...decoders].reverse().entries()) {
    // Only the outermost decoder sees the wire bytes, so only it can sniff them.
    const stream = decoderStream(decoder, index === 0 && !first.done ? first.value : undefined);
    output = pipeline(Readable.from(output), stream, () => {
      // Errors surface through iterating the last stream; the callback only keeps them handled.
    });
  }

  try {
    for await (const chunk of output) {
      const room = limits.maxBodyBytes - decodedBytes;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        decodedBytes += room;
        stop = {
          code: "BODY_TOO_LARGE",
          message: `正文超过 ${limits.maxBodyBytes} 字节上限，已截断`,
        };
        break;
      }
      chunks.push(chunk);
      decodedBytes += chunk.length;
      if (
        decoders.length > 0 &&
        decodedBytes >= BOMB_CHECK_AFTER_BYTES &&
        decodedBytes / Math.max(encodedBytes, 1) > limits.maxCompressionRatio
      ) {
        stop = {
          code: "DECOMPRESSION_BOMB",
          message: `解压后 ${decodedBytes} 字节 / 压缩 ${encodedBytes} 字节，超过 ${limits.maxCompressionRatio} 倍上限`,
        };
        break;
      }
    }
  } catch (err) {
    if (sourceError !== undefined) {
      stop = toNetError(sourceError);
    } else {
      const detail = err instanceof Error ? err.message : String(err);
      stop = { code: "BAD_ENCODING", message: `${decoders.join(", ")} 数据流损坏：${detail}` };
    }
  } finally {
    // Stopping early leaves the connection mid-body; it cannot be reused, so close it.
    if (!source.readableEnded) source.destroy();
  }

  const body = Buffer.concat(chunks, decodedBytes);
  return stop ? { body, truncated: true, error: stop } : { body, truncated: false };
}

/** The decoders for a Content-Encoding value, [] for none/identity, null when one is unsupported. */
export function parseContentEncoding(value: string | undefined): Decoder[] | null {
  const decoders: Decoder[] = [];
  for (const token of (value ?? "").split(",")) {
    const name = token.trim().toLowerCase();
    if (name === "" || name === "identity") continue;
    if (name === "gzip" || name === "x-gzip") decoders.push("gzip");
    else if (name === "deflate") decoders.push("deflate");
    else if (name === "br") decoders.push("br");
    else return null;
  }
  return decoders;
}

function decoderStream(
  decoder: Decoder,
  firstChunk: Buffer | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress {
  // Like browsers (and undici's fetch), accept a stream whose final block is missing: a server
  // that closes early is an HTTP-level fault reported by the body read, not unreadable content.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (decoder) {
    case "gzip":
      return zlib.createGunzip(lenient);
    case "br":
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    case "deflate":
      // "deflate" should be zlib-wrapped (RFC 9110), but old IIS and some CMSs send raw deflate
      // and browsers accept both.
      return firstChunk === undefined || looksZlibWrapped(firstChunk)
        ? zlib.createInflate(lenient)
        : zlib.createInflateRaw(lenient);
  }
}

/** RFC 1950 header: compression method 8 and a header checksum divisible by 31. */
function looksZlibWrapped(chunk: Buffer): boolean {
  const [cmf, flg] = chunk;
  if (cmf === undefined || flg === undefined) return true;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
}
