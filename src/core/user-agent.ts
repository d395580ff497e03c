// The User-Agent every request sends, as Stainless SDKs and Octokit do:
// `ai-vendor-contracts/<version> <runtime>/<version>`. Browsers are left alone (their own agent
// is kept, and a custom one would cost a CORS preflight). A User-Agent in `headers` replaces it.
import { PACKAGE_VERSION } from "./package-version.js";

type Runtimes = {
  Bun?: { version?: string };
  Deno?: { version?: { deno?: string } };
  navigator?: { userAgent?: string };
  process?: { versions?: { node?: string } };
};

/** `bun/1.2.3`, `deno/2.1.0`, `workerd`, `node/20.19.0`; undefined in a browser or an unknown runtime. */
export function runtimeName(g: Runtimes = globalThis as Runtimes): string | undefined {
  if (g.Bun?.version) return `bun/${g.Bun.version}`;
  if (g.Deno?.version?.deno) return `deno/${g.Deno.version.deno}`;
  // Cloudflare's workerd names itself here and exposes no version of its own.
  if (g.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (g.process?.versions?.node) return `node/${g.process.versions.node}`;
  return undefined;
}

let cached: string | null | undefined;

/** The User-Agent header value, or undefined where none should be set. Computed once. */
export function userAgent(): string | undefined {
  if (cached === undefined) {
    const runtime = runtimeName();
    cached = runtime ? `ai-vendor-contracts/${PACKAGE_VERSION} ${runtime}` : null;
  }
  return cached ?? undefined;
}
