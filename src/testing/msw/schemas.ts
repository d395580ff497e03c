// The one place the MSW kit reaches the generated zod schemas: each vendor's validator table (the
// module a client's vendor.loadValidators() imports) and its component schemas by name. Imported
// statically, so respond() can check a body at once, synchronously, and the entry has no
// top-level await (which would keep require() from loading it).
import type { ZodType } from "zod";
import { validatorTable as aiclicksValidators } from "../../../generated/aiclicks/validators.js";
import * as aiclicksZod from "../../../generated/aiclicks/zod.js";
import { validatorTable as ailabsauditValidators } from "../../../generated/ailabsaudit/validators.js";
import * as ailabsauditZod from "../../../generated/ailabsaudit/zod.js";
import { validatorTable as aiptxValidators } from "../../../generated/aiptx/validators.js";
import * as aiptxZod from "../../../generated/aiptx/zod.js";
import { validatorTable as aylieaValidators } from "../../../generated/ayliea/validators.js";
import * as aylieaZod from "../../../generated/ayliea/zod.js";
import type { OperationSchemas, ValidatorTable } from "../../core/operation.js";
import type { MockedVendor } from "./vendors.js";

const components: Record<MockedVendor, Record<string, unknown>> = {
  aiclicks: aiclicksZod,
  ailabsaudit: ailabsauditZod,
  aiptx: aiptxZod,
  ayliea: aylieaZod,
};

const tables: Record<MockedVendor, ValidatorTable> = {
  aiclicks: aiclicksValidators,
  ailabsaudit: ailabsauditValidators,
  aiptx: aiptxValidators,
  ayliea: aylieaValidators,
};

const none: OperationSchemas = { path: undefined, query: undefined, body: undefined, response: undefined };

/** Request parts and JSON success response of one operation (`METHOD /path`). */
export function operationSchemas(vendor: MockedVendor, key: string): OperationSchemas {
  return tables[vendor][key] ?? none;
}

/** The zod schema of `#/components/schemas/<name>` (generated as `z<name>`). */
export function componentSchema(vendor: MockedVendor, name: string): ZodType | undefined {
  return components[vendor][`z${name}`] as ZodType | undefined;
}
