// The MSW handlers answer every operation of every vendor exactly as Prism's static mode does
// (status, media type, body, and the headers the spec declares), with and without the auth header.
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { mockUrl } from "../helpers.js";
import { exampleRequest, operationsOf, specOf, VENDORS } from "./support.js";

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

function declaredHeaders(spec: ReturnType<typeof specOf>, path: string, method: string, status: number): string[] {
  const responses = spec.paths[path]![method]!.responses as Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
  let response = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  if (response?.$ref) response = (spec.components as Record<string, Record<string, typeof response>>).responses![response.$ref.split("/").pop()!];
  return Object.keys(response?.headers ?? {});
}

describe.each(VENDORS)("%s: MSW handlers agree with Prism static", (vendor) => {
  const spec = specOf(vendor);
  const { handlers } = mswHandlers(vendor);
  const prism = mockUrl(vendor);
  const base = new URL(spec.servers[0]!.url).href.replace(/\/$/, "");

  for (const { key, method, path, op } of operationsOf(spec)) {
    for (const auth of [true, false]) {
      it(`${key} ${auth ? "with" : "without"} the auth header`, async () => {
        const fromPrism = await seen(await fetch(exampleRequest(spec, vendor, prism, method, path, op, auth)));
        const answered = await getResponse(handlers, exampleRequest(spec, vendor, base, method, path, op, auth));
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
