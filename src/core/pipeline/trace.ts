// Step 2: the call's OpenTelemetry span, when a tracer provider is registered. Nothing here
// imports @opentelemetry/api: the check is a look at the API's global registry, and the span code
// (trace-span.ts, which imports the API) loads with the first traced call. Without the package,
// or without a provider, tracing is off, silently and at no cost beyond that look.
import { lazy } from "../lazy.js";
import { PACKAGE_VERSION } from "../package-version.js";
import type { Call } from "./call-state.js";

/** One call's span, as the steps use it (trace-span.ts makes it). */
export interface CallSpan {
  /** Adds the W3C trace context (traceparent, tracestate) to the vendor-bound headers. */
  inject(headers: Headers): void;
  /** A retry, a rate-limit wait … */
  event(name: string, attributes: Record<string, string | number>): void;
  /** Ends the span with the call's outcome; `error` when it failed. Runs once. */
  end(call: Call, error?: unknown): void;
}

// Where @opentelemetry/api 1.x keeps its registered globals (tracer provider, propagator …).
const OTEL_GLOBAL = Symbol.for("opentelemetry.js.api.1");
const providerRegistered = () => (globalThis as { [OTEL_GLOBAL]?: { trace?: unknown } })[OTEL_GLOBAL]?.trace !== undefined;

type SpanModule = typeof import("./trace-span.js");
// A failed load (the optional peer is not installed) leaves tracing off for good.
let spans: SpanModule | null | undefined;
const loadSpans = lazy(() =>
  import("./trace-span.js").then(
    async (module) => ((await module.loadApi()) ? (spans = module) : (spans = null)),
    () => (spans = null),
  ),
);

export function trace(call: Call): Promise<void> | undefined {
  if (!call.client.tracing || spans === null || !providerRegistered()) return undefined;
  if (spans) {
    call.span = spans.startSpan(call, PACKAGE_VERSION);
    return undefined;
  }
  return loadSpans().then(() => {
    if (spans) call.span = spans.startSpan(call, PACKAGE_VERSION);
  });
}
