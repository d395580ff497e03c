// The one place the MSW kit reaches the generated zod schemas: each vendor's validator table
// (through vendor.loadValidators(), as the clients load it) and its component schemas by name.
// Loaded before the kit is used, so respond() can check a body at once, synchronously.
import type { ZodType } from "zod";
import * as aiclicksZod from "../../../generated/aiclicks/zod.js";
import * as ailabsauditZod from "../../../generated/ailabsaudit/zod.js";
import * as aiptxZod from "../../../generated/aiptx/zod.js";
import * as aylieaZod from "../../../generated/ayliea/zod.js";
import type { OperationSchemas, ValidatorTable } from "../../core/operation.js";
import { vendors, type MockedVendor } from "./vendors.js";

const components: Record<MockedVendor, Record<string, unknown>> = {
  aiclicks: aiclicksZod,
  ailabsaudit: ailabsauditZod,
  aiptx: aiptxZod,
  ayliea: aylieaZod,
};

// One vendor at a time: jest's ESM runtime (29.7 and 30.5, --experimental-vm-modules) fails concurrent
// dynamic imports that share a dependency not yet loaded ("request for 'zod' is not in cache").
const tables = {} as Record<MockedVendor, ValidatorTable>;
for (const name of Object.keys(vendors) as MockedVendor[]) tables[name] = await vendors[name].loadValidators();

const none: OperationSchemas = { path: undefined, query: undefined, body: undefined, response: undefined };

/** Request parts and JSON success response of one operation (`METHOD /path`). */
export function operationSchemas(vendor: MockedVendor, key: string): OperationSchemas {
  return tables[vendor][key] ?? none;
}

/** The zod schema of `#/components/schemas/<name>` (generated as `z<name>`). */
export function componentSchema(vendor: MockedVendor, name: string): ZodType | undefined {
  return components[vendor][`z${name}`] as ZodType | undefined;
}
