// `createAiclicksClient`: the typed AIclicks client, plus a typed `paginate` over list endpoints.
import type { MaybeOptionalInit } from "openapi-fetch";
import type { paths } from "../../generated/aiclicks/schema.js";
import type { CallOptions, GetJson } from "../core/client-types.js";
import { createVendorClient, type ClientOptions, type VendorClient } from "../core/create-client.js";
import type { PageBounds, Paginator } from "../core/paginate.js";
import { aiclicks } from "./vendor.js";

type Json<P extends keyof paths> = GetJson<paths, P>;

/** List endpoints: GET paths that take a `size` query parameter and return `data.items`. */
export type PaginatedPath = {
  [P in keyof paths]: paths[P]["get"] extends { parameters: { query?: { size?: number } } }
    ? Json<P> extends { data: { items: unknown[] } }
      ? P
      : never
    : never;
}[keyof paths];

export type ItemOf<P extends PaginatedPath> = Json<P> extends { data: { items: (infer I)[] } } ? I : never;

export interface AiclicksClient extends VendorClient<paths> {
  /** Every item of a list endpoint, page after page, until `page > total_pages`. */
  paginate<P extends PaginatedPath>(
    path: P,
    init?: MaybeOptionalInit<paths[P], "get"> & CallOptions,
    bounds?: PageBounds,
  ): Paginator<ItemOf<P>>;
}

export type AiclicksClientOptions = ClientOptions;

export function createAiclicksClient(options: AiclicksClientOptions = {}): AiclicksClient {
  const client = createVendorClient<paths>(aiclicks, options);
  return Object.assign(client, {
    paginate: (path: string, init?: object, bounds?: PageBounds) => client.paginateRaw(path, init as never, bounds),
  }) as AiclicksClient;
}
