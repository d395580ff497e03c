// src/core/fetch-types.ts writes out openapi-fetch's FetchResponse and MaybeOptionalInit so that
// a consumer's tsc does not check openapi-fetch's whole declaration file. They must stay the very
// types of the openapi-fetch the client runs on: checked here, operation by operation (query,
// path parameters, a JSON body, none), for each vendor, against openapi-fetch's own.
import type { FetchResponse as TheirResponse, MaybeOptionalInit as TheirInit } from "openapi-fetch";
import type { MediaType } from "openapi-typescript-helpers";
import { describe, expectTypeOf, test } from "vitest";
import type { paths as AiclicksPaths } from "../../generated/aiclicks/schema.js";
import type { paths as AilabsauditPaths } from "../../generated/ailabsaudit/schema.js";
import type { paths as AiptxPaths } from "../../generated/aiptx/schema.js";
import type { paths as AylieaPaths } from "../../generated/ayliea/schema.js";
import type { FetchResponse as OurResponse, MaybeOptionalInit as OurInit } from "../../src/core/fetch-types.js";

describe("fetch-types: the same types as openapi-fetch's", () => {
  test("init: query, path parameters, a JSON body, nothing", () => {
    expectTypeOf<OurInit<AiclicksPaths["/api/v1/prompts"], "get">>().toEqualTypeOf<TheirInit<AiclicksPaths["/api/v1/prompts"], "get">>();
    expectTypeOf<OurInit<AiclicksPaths["/api/v1/domains"], "get">>().toEqualTypeOf<TheirInit<AiclicksPaths["/api/v1/domains"], "get">>();
    expectTypeOf<OurInit<AiptxPaths["/scans/{scan_id}"], "get">>().toEqualTypeOf<TheirInit<AiptxPaths["/scans/{scan_id}"], "get">>();
    expectTypeOf<OurInit<AiptxPaths["/scans"], "post">>().toEqualTypeOf<TheirInit<AiptxPaths["/scans"], "post">>();
    expectTypeOf<OurInit<AilabsauditPaths["/audits/launch"], "post">>().toEqualTypeOf<TheirInit<AilabsauditPaths["/audits/launch"], "post">>();
    expectTypeOf<OurInit<AylieaPaths["/scores"], "get">>().toEqualTypeOf<TheirInit<AylieaPaths["/scores"], "get">>();
  });

  test("response: success and error bodies, with and without parseAs", () => {
    type Scan = AiptxPaths["/scans/{scan_id}"]["get"];
    type Prompts = AiclicksPaths["/api/v1/prompts"]["get"];
    type Launched = AilabsauditPaths["/audits/launch"]["post"];
    expectTypeOf<OurResponse<Scan, {}, MediaType>>().toEqualTypeOf<TheirResponse<Scan, {}, MediaType>>();
    {
      expectTypeOf<OurResponse<Prompts, { parseAs: "text" }, MediaType>>().toEqualTypeOf<TheirResponse<Prompts, { parseAs: "text" }, MediaType>>();
      expectTypeOf<OurResponse<Prompts, { parseAs: "stream" }, MediaType>>().toEqualTypeOf<TheirResponse<Prompts, { parseAs: "stream" }, MediaType>>();
      expectTypeOf<OurResponse<Prompts, { parseAs: "blob" }, MediaType>>().toEqualTypeOf<TheirResponse<Prompts, { parseAs: "blob" }, MediaType>>();
      expectTypeOf<OurResponse<Prompts, { parseAs: "arrayBuffer" }, MediaType>>().toEqualTypeOf<TheirResponse<Prompts, { parseAs: "arrayBuffer" }, MediaType>>();
    }
    expectTypeOf<OurResponse<Launched, {}, `${string}/${string}`>>().toEqualTypeOf<TheirResponse<Launched, {}, `${string}/${string}`>>();
  });
});
