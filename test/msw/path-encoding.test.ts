// A path parameter is decoded once, as Prism decodes it: `"100%"` sent as `100%25` is a valid
// id, answered with the example like Prism answers it, never a 500 with a URIError stack.
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { mswHandlers } from "../../src/testing/msw/index.js";
import { mockUrl } from "../helpers.js";
import { TEST_KEYS } from "./support.js";

const { handlers } = mswHandlers("aiptx");
const base = "https://api.aiptx.io/v1";

const get = (at: string, path: string) => new Request(`${at}${path}`, { headers: { Authorization: `Bearer ${TEST_KEYS.aiptx}` } });

describe("aiptx path parameters with percent-encoding", () => {
  it.each(["100%25", "a%20b", "%E2%9C%93", "scan%2Fslash"])("/scans/%s answers as Prism does", async (id) => {
    const fromPrism = await fetch(get(mockUrl("aiptx"), `/scans/${id}`));
    const fromMsw = (await getResponse(handlers, get(base, `/scans/${id}`)))!;
    expect(fromMsw.status).toBe(fromPrism.status);
    const text = await fromMsw.text();
    expect(text).not.toContain("URIError");
    expect(JSON.parse(text)).toEqual(await fromPrism.json());
  });
});
