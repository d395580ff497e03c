// `createAiclicksClient`: the typed AIclicks client, plus a typed `paginate` over list endpoints.
import type { paths } from "../../generated/aiclicks/schema.js";
import type { GetJson, PaginateArgs, ThrowOption } from "../core/client-types.js";
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

export interface AiclicksClient<Throws extends boolean = false> extends VendorClient<paths, Throws> {
  /** Every item of a list endpoint, page after page, until `page > total_pages`. */
  paginate<P extends PaginatedPath>(
    path: P,
    ...args: PaginateArgs<paths[P]>
  ): Paginator<ItemOf<P>>;
}

export type AiclicksClientOptions = ClientOptions;

/** With `throwOnError: true` every call throws its failures, and its result's `data` is typed as present. */
export function createAiclicksClient<Throws extends boolean = false>(
  options: AiclicksClientOptions & ThrowOption<Throws> = {},
): AiclicksClient<Throws> {
  const client = createVendorClient<paths>(aiclicks, options);
  return Object.assign(client, {
    paginate: (path: string, init?: object, bounds?: PageBounds) => client.paginateRaw(path, init as never, bounds),
  }) as AiclicksClient<Throws>;
}
