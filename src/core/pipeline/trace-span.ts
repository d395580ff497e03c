// The span of one call (a lazy chunk, loaded with the first traced call): kind CLIENT, named
// after the operation, with the HTTP client semantic conventions, the vendor and operationId;
// retries and rate-limit waits as events. Never a key, a query value or a body in an attribute:
// the URL is given as its template (the spec's path) and its server.
import type { Call } from "./call-state.js";
import type { CallSpan } from "./trace.js";

type Api = typeof import("@opentelemetry/api");
const MODULE = "@opentelemetry/api";
let api: Api | undefined;

/** Imports the optional peer; false when it is not installed. */
export async function loadApi(): Promise<boolean> {
  try {
    // A name in a variable: bundlers leave it to run time, so an app without the package still builds.
    api = (await import(/* @vite-ignore */ /* webpackIgnore: true */ MODULE)) as Api;
    return true;
  } catch {
    return false;
  }
}

const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;
const headerSetter = { set: (headers: Headers, name: string, value: string) => headers.set(name, value) };

/** `version`: the package's, passed in so this lazy chunk imports nothing the entry has (which would split it out). */
export function startSpan(call: Call, version: string): CallSpan {
  const { trace, context, propagation } = api!;
  const { vendor, baseUrl } = call.client;
  const { op } = call.operation;
  const server = new URL(baseUrl);
  const port = server.port ? Number(server.port) : server.protocol === "https:" ? 443 : 80;
  const tracer = trace.getTracer("ai-vendor-contracts", version);
  const span = tracer.startSpan(
    op?.operationId ?? `${call.method} ${call.path}`,
    {
      kind: SPAN_KIND_CLIENT,
      attributes: {
        "http.request.method": call.method,
        "url.template": call.path,
        "server.address": server.hostname,
        "server.port": port,
        "ai_vendor_contracts.vendor": vendor.name,
        ...(op ? { "ai_vendor_contracts.operation_id": op.operationId } : {}),
      },
    },
    context.active(),
  );
  const traced = trace.setSpan(context.active(), span);
  let ended = false;
  return {
    inject: (headers) => propagation.inject(traced, headers, headerSetter),
    event: (name, attributes) => void span.addEvent(name, attributes),
    end(ending, error) {
      if (ended) return;
      ended = true;
      const status = ending.answer?.status;
      if (status !== undefined) span.setAttribute("http.response.status_code", status);
      if (ending.attempt > 0) span.setAttribute("http.request.resend_count", ending.attempt);
      // error.type: the error's class (TimeoutError, AbortError …), or the status of an HTTP error.
      const errorType = error !== undefined ? ((error as Error)?.name ?? "Error") : status !== undefined && status >= 400 ? String(status) : undefined;
      if (errorType) {
        span.setAttribute("error.type", errorType);
        span.setStatus({ code: STATUS_ERROR, message: errorType });
      }
      span.end();
    },
  };
}
