export {
  createAylieaClient,
  type AylieaClient,
  type AylieaClientOptions,
  type ItemOf,
  type PaginatedPath,
  type PathFor,
  type ResultError,
} from "./client.js";
export type { ForbiddenCause, ForbiddenExplanation } from "./scopes.js";
export { ayliea, listFields } from "./vendor.js";
export type { components, operations, paths } from "../../generated/ayliea/schema.js";
