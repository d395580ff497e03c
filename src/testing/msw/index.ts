// ai-vendor-contracts/testing/msw: in-process contract mocks on MSW (an optional peer dependency).
export { mswHandlers, type MswHandlers, type MswHandlersOptions } from "./handlers.js";
export type { RespondOptions } from "./respond.js";
export type { DeclaredStatus, OperationKey, ResponseBody, VendorPaths } from "./types.js";
export type { MockedVendor } from "./vendors.js";
