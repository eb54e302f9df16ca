export type * from "./types.ts";
export { Fetcher } from "./fetcher.ts";
export { defaultFetchOptions, DEFAULT_USER_AGENT } from "./defaults.ts";
export {
  parseResolve,
  parseConnectTo,
  mapTarget,
  routeHost,
  isRouteRefusal,
  normaliseHost,
  isLoopbackLiteral,
  type ConnectTarget,
  type RouteRefusal,
} from "./hostMapping.ts";
export { decodeBody, charsetFromContentType, charsetFromMeta, resolveCharset } from "./charset.ts";
export { readBody, parseContentEncoding, type BodyLimits, type BodyOutcome } from "./decompress.ts";
export { HostPoliteness, type PolitenessOptions, type Release } from "./politeness.ts";
export { probeTls, tlsFactsFromSocket, type TlsProbeOptions } from "./tlsProbe.ts";
export { RobotsCache, ROBOTS_USER_AGENT, type RobotsFacts } from "./robots.ts";
export { BROWSER_HEADERS } from "./linkCheck.ts";
export { decideRetry, parseRetryAfter, type RetryDecision } from "./retryPolicy.ts";
export { toNetError, isCertificateErrorCode, type NetError } from "./netErrors.ts";
