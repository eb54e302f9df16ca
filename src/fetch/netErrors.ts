import type { NetErrorCode } from "./types.ts";

export interface NetError {
  code: NetErrorCode;
  message: string;
}

const CODE_MAP: Record<string, NetErrorCode> = {
  UND_ERR_CONNECT_TIMEOUT: "TIMEOUT",
  UND_ERR_HEADERS_TIMEOUT: "TIMEOUT",
  UND_ERR_BODY_TIMEOUT: "TIMEOUT",
  ETIMEDOUT: "TIMEOUT",
  ENOTFOUND: "ENOTFOUND",
  EAI_AGAIN: "ENOTFOUND",
  EAI_NONAME: "ENOTFOUND",
  EAI_NODATA: "ENOTFOUND",
  ECONNREFUSED: "ECONNREFUSED",
  ECONNRESET: "ECONNRESET",
  ECONNABORTED: "ECONNRESET",
  EPIPE: "ECONNRESET",
  UND_ERR_SOCKET: "ECONNRESET",
};

/**
 * Node's codes for certificates that fail verification. A handshake that fails for any of these
 * still completes at the TLS level, so the content can be read insecurely afterwards.
 */
const CERTIFICATE_ERROR_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "CERT_CHAIN_TOO_LONG",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "INVALID_CA",
  "INVALID_PURPOSE",
  "PATH_LENGTH_EXCEEDED",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export function isCertificateErrorCode(code: string | undefined): boolean {
  return code !== undefined && CERTIFICATE_ERROR_CODES.has(code);
}

/** Maps whatever undici, Node or zlib threw to the contract's error codes. */
export function toNetError(err: unknown): NetError {
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === undefined) return { code: "OTHER", message };
  const mapped = CODE_MAP[code];
  if (mapped) return { code: mapped, message: `${code}: ${message}` };
  if (isCertificateErrorCode(code) || code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) {
    return { code: "TLS", message: `${code}: ${message}` };
  }
  return { code: "OTHER", message: `${code}: ${message}` };
}

/** The string code of an error, looking through undici's wrapping (`cause`). */
export function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR_ABORTED") return code;
    current = (current as { cause?: unknown }).cause;
  }
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
