export { createAiclicksClient, type AiclicksClient, type AiclicksClientOptions, type ItemOf, type PaginatedPath } from "./client.js";
export { aiclicks } from "./vendor.js";
export type { components, operations, paths } from "../../generated/aiclicks/schema.js";
/** zod 4 schemas for every component, request and success response of the AIclicks spec. */
export * as schemas from "../../generated/aiclicks/zod.js";
