// The MSW handlers answer every operation of every vendor exactly as Prism's static mode does
// (status, media type, body, and the headers the spec declares), with and without the auth header,
// and for each other media type (Accept) and named example (Prefer: example=) of its success answer.
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { mockUrl } from "../helpers.js";
import { exampleRequest, operationsOf, specOf, VENDORS } from "./support.js";
import type { SpecOperation } from "../../src/cli/spec-examples.js";

interface Seen {
  status: number;
  contentType: string | undefined;
  body: unknown;
  headers: Headers;
}

async function seen(response: Response): Promise<Seen> {
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim();
  const text = await response.text();
  const body = contentType && /json$/.test(contentType) && text ? JSON.parse(text) : text;
  return { status: response.status, contentType, body, headers: response.headers };
}

type SpecResponse = { $ref?: string; headers?: Record<string, unknown>; content?: Record<string, { examples?: Record<string, unknown> }> };

function responseOf(spec: ReturnType<typeof specOf>, path: string, method: string, status: string): SpecResponse | undefined {
  const responses = (spec.paths[path]![method] as SpecOperation).responses as Record<string, SpecResponse>;
  const response = responses[status] ?? responses[`${status[0]}XX`];
  if (!response?.$ref) return response;
  return (spec.components as Record<string, Record<string, SpecResponse>>).responses![response.$ref.split("/").pop()!];
}

const declaredHeaders = (spec: ReturnType<typeof specOf>, path: string, method: string, status: number) =>
  Object.keys(responseOf(spec, path, method, String(status))?.headers ?? {});

/** Request headers that pick each other media type and each other named example of the success answer. */
function variants(spec: ReturnType<typeof specOf>, path: string, method: string): Record<string, string>[] {
  const success = Object.keys((spec.paths[path]![method] as SpecOperation).responses ?? {}).filter((s) => /^2/.test(s)).sort()[0];
  const content = success ? responseOf(spec, path, method, success)?.content ?? {} : {};
  const types = Object.keys(content);
  return [
    ...types.slice(1).map((type) => ({ Accept: type })),
    ...types.flatMap((type) => Object.keys(content[type]!.examples ?? {}).slice(1).map((name) => ({ Accept: type, Prefer: `example=${name}` }))),
  ];
}

describe.each(VENDORS)("%s: MSW handlers agree with Prism static", (vendor) => {
  const spec = specOf(vendor);
  const { handlers } = mswHandlers(vendor);
  const prism = mockUrl(vendor);
  const base = new URL(spec.servers[0]!.url).href.replace(/\/$/, "");

  for (const { key, method, path, op } of operationsOf(spec)) {
    const cases = [
      { name: "with the auth header", auth: true, headers: {} },
      { name: "without the auth header", auth: false, headers: {} },
      ...variants(spec, path, method).map((headers) => ({ name: Object.values(headers).join(", "), auth: true, headers })),
    ];
    for (const { name, auth, headers } of cases) {
      it(`${key} ${name}`, async () => {
        const request = (at: string) => {
          const built = exampleRequest(spec, vendor, at, method, path, op, auth);
          for (const [header, value] of Object.entries(headers)) built.headers.set(header, value);
          return built;
        };
        const fromPrism = await seen(await fetch(request(prism)));
        const answered = await getResponse(handlers, request(base));
        expect(answered, "no MSW handler answered").toBeDefined();
        const fromMsw = await seen(answered!);
        expect(fromMsw.status).toBe(fromPrism.status);
        expect(fromMsw.contentType).toBe(fromPrism.contentType);
        expect(fromMsw.body).toEqual(fromPrism.body);
        for (const name of declaredHeaders(spec, path, method, fromPrism.status)) {
          expect(fromMsw.headers.get(name), name).toBe(fromPrism.headers.get(name));
        }
      });
    }
  }
});
