/**
 * The one source of truth for both apps' security headers. `securityHeaders` go on every route (next.config
 * `headers()`) and carry a static CSP with the document-level rules. The player app's pages also get a
 * per-request, nonce-based CSP from its proxy (`pageContentSecurityPolicy`): it repeats the same base
 * directives, so the two policies never disagree (browsers enforce every CSP header they receive).
 */
const baseDirectives: ReadonlyArray<readonly [string, string]> = [
  ["frame-ancestors", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
  ["object-src", "'none'"],
];

const serialize = (directives: ReadonlyArray<readonly [string, string]>) =>
  directives.map(([name, value]) => `${name} ${value}`).join("; ");

/** Document-level rules only: safe on any response, including JSON and static files. */
export const staticContentSecurityPolicy = serialize(baseDirectives);

/**
 * A page's CSP: scripts only with this response's nonce (and what they load: 'strict-dynamic'), frames only from
 * the configured game studios, everything else from our own origin (plus the asset CDN when one is set).
 * Styles allow inline attributes (React style props); no inline script runs without the nonce.
 */
export const pageContentSecurityPolicy = (options: {
  nonce: string;
  frameOrigins?: readonly string[];
  assetOrigin?: string | null;
  isDevelopment?: boolean;
}) => {
  const assets = options.assetOrigin ? ` ${options.assetOrigin}` : "";
  const frames = options.frameOrigins?.length ? options.frameOrigins.join(" ") : "'none'";
  return serialize([
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`],
    ["style-src", `'self' 'unsafe-inline'${assets}`],
    ["img-src", `'self' data: blob:${assets}`],
    ["font-src", `'self'${assets}`],
    ["connect-src", `'self'${assets}`],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["frame-src", frames],
    ...baseDirectives,
  ]);
};

/** Every response of both apps, except the CSP (see `securityHeaders`). */
export const securityHeadersWithoutCsp = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

export const securityHeaders = [
  ...securityHeadersWithoutCsp,
  { key: "Content-Security-Policy", value: staticContentSecurityPolicy },
];
