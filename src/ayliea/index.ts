export {
  createAylieaClient,
  type AylieaClient,
  type AylieaClientOptions,
  type ItemOf,
  type PaginatedPath,
  type PathFor,
} from "./client.js";
export type { ForbiddenCause, ForbiddenExplanation } from "./scopes.js";
export { ayliea, listFields } from "./vendor.js";
export type { components, operations, paths } from "../../generated/ayliea/schema.js";
/** zod 4 schemas for every component, request and success response of the Ayliea spec. */
export * as schemas from "../../generated/ayliea/zod.js";
