// `createAylieaClient`: the typed Ayliea client, a typed `paginate` over the limit/offset lists,
// and the scope helpers that tell a missing scope from an organization refused the API.
import type { PathsWithMethod } from "openapi-typescript-helpers";
import type { paths } from "../../generated/ayliea/schema.js";
import type { ErrorBody, GetJson, PaginateArgs, ThrowOption } from "../core/client-types.js";
import { createVendorClient, type ClientOptions, type VendorClient } from "../core/create-client.js";
import type { PageBounds, Paginator } from "../core/paginate.js";
import { explainForbidden, type ForbiddenExplanation } from "./scopes.js";
import { ayliea, listFields } from "./vendor.js";

type Json<P extends keyof paths> = GetJson<paths, P>;

/** The limit/offset list endpoints: `/recommendations` and `/discovery` (its `platforms`). */
export type PaginatedPath = keyof typeof listFields;

/** One list item: a recommendation, or a discovered platform. */
export type ItemOf<P extends PaginatedPath> = Json<P>[(typeof listFields)[P] & keyof Json<P>] extends (infer I)[] ? I : never;

type Method = "GET" | "PUT" | "POST" | "DELETE" | "PATCH" | "HEAD";

/** A path the spec has for `method`; every Ayliea operation is a GET. */
export type PathFor<M extends Method> = PathsWithMethod<paths, Lowercase<M>>;

/** What `result.error` holds after a failed call: the vendor's error body. */
export type ResultError = { [P in PathFor<"GET">]: ErrorBody<paths[P]["get"]> }[PathFor<"GET">];

export interface AylieaClient<Throws extends boolean = false> extends VendorClient<paths, Throws> {
  /**
   * Every item of a list endpoint: requests `limit` items at offsets 0, limit, 2·limit … and
   * stops after the first page shorter than `limit` (an empty page when the last one was full).
   * `limit` defaults to 100, the maximum.
   */
  paginate<P extends PaginatedPath>(
    path: P,
    ...args: PaginateArgs<paths[P]>
  ): Paginator<ItemOf<P>>;
  /** The scopes the key needs for `METHOD /path`, from the spec: `requiredScopes("GET", "/scores")` → `["scores:read"]`. */
  requiredScopes<M extends Method>(method: M, path: PathFor<M>): readonly string[];
  /**
   * Why a call got 403, given the result's `error` or the caught PermissionDeniedError. Pass the
   * scopes the key was created with (the API cannot list them): a required one missing →
   * "missing-scope"; all present → "organization" (not on the Enterprise tier); none passed →
   * "unknown". `undefined` for any other failure.
   */
  explainForbidden<M extends Method>(
    error: Error | ResultError,
    method: M,
    path: PathFor<M>,
    grantedScopes?: readonly string[],
  ): ForbiddenExplanation | undefined;
}

export type AylieaClientOptions = ClientOptions;

/** With `throwOnError: true` every call throws its failures, and its result's `data` is typed as present. */
export function createAylieaClient<Throws extends boolean = false>(
  options: AylieaClientOptions & ThrowOption<Throws> = {},
): AylieaClient<Throws> {
  const client = createVendorClient<paths>(ayliea, options);
  const requiredScopes = (method: string, path: string): readonly string[] => {
    const op = client.operationInfo(method, path);
    // Only reachable from untyped code: the types admit the spec's operations alone.
    if (!op) throw new RangeError(`The Ayliea spec has no operation ${method.toUpperCase()} ${path}.`);
    return op.scopes;
  };
  return Object.assign(client, {
    paginate: (path: string, init?: object, bounds?: PageBounds) => client.paginateRaw(path, init as never, bounds),
    requiredScopes,
    explainForbidden: (error: unknown, method: string, path: string, grantedScopes?: readonly string[]) =>
      explainForbidden(error, `${method.toUpperCase()} ${path}`, requiredScopes(method, path), grantedScopes),
  }) as AylieaClient<Throws>;
}
