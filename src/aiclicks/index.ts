export { createAiclicksClient, type AiclicksClient, type AiclicksClientOptions, type ItemOf, type PaginatedPath } from "./client.js";
export { aiclicks } from "./vendor.js";
export type { components, operations, paths } from "../../generated/aiclicks/schema.js";
