// Types that tie respond() to the generated `paths` of a vendor: operation keys are
// "METHOD /path" as the spec writes them, statuses those the operation declares, and the body
// the type of that status's content.
import type { paths as AiclicksPaths } from "../../../generated/aiclicks/schema.js";
import type { paths as AilabsauditPaths } from "../../../generated/ailabsaudit/schema.js";
import type { paths as AiptxPaths } from "../../../generated/aiptx/schema.js";
import type { paths as AylieaPaths } from "../../../generated/ayliea/schema.js";

export interface VendorPaths {
  aiclicks: AiclicksPaths;
  ailabsaudit: AilabsauditPaths;
  aiptx: AiptxPaths;
  ayliea: AylieaPaths;
}

type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";

/** `"GET /scans/{scan_id}"` for every operation the spec declares. */
export type OperationKey<P> = {
  [Path in keyof P & string]: {
    [M in HttpMethod]: M extends keyof P[Path]
      ? [NonNullable<P[Path][M]>] extends [never]
        ? never
        : `${Uppercase<M>} ${Path}`
      : never;
  }[HttpMethod];
}[keyof P & string];

type OperationAt<P, K> = K extends `${infer M} ${infer Path}`
  ? Path extends keyof P
    ? Lowercase<M> extends keyof P[Path]
      ? NonNullable<P[Path][Lowercase<M>]>
      : never
    : never
  : never;

type ResponsesOf<P, K> = OperationAt<P, K> extends { responses: infer R } ? R : never;

type Success = 200 | 201 | 202 | 203 | 204 | 205 | 206;

/** The statuses the operation declares; a `2XX` range stands for each 2xx status. */
export type DeclaredStatus<P, K> =
  | Extract<keyof ResponsesOf<P, K>, number>
  | ("2XX" extends keyof ResponsesOf<P, K> ? Success : never);

type ResponseAt<R, S> = S extends keyof R ? R[S] : "2XX" extends keyof R ? R["2XX"] : never;

type ContentOf<C> = C extends { "application/json": infer J } ? J : C[keyof C] extends string ? string | Uint8Array : C[keyof C];

/** The body of the operation's `status` response: JSON as its generated type, other media as text or bytes. */
export type ResponseBody<P, K, S> = ResponseAt<ResponsesOf<P, K>, S> extends { content: infer C } ? ContentOf<C> : never;
