// Step 2: TypeScript types for paths, operations and components, by openapi-typescript.
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle.js";
import { GENERATED_HEADER } from "./vendors.js";

export async function renderTypes(doc: OpenApiDocument): Promise<string> {
  // defaultNonNullable off: a request field with a default (scan `mode`, page size …) is one the
  // caller may leave out, so it must stay optional in the types.
  const ast = await openapiTS(doc as never, { rootTypes: false, alphabetize: false, defaultNonNullable: false });
  return `// ${GENERATED_HEADER}\n// TypeScript types by openapi-typescript.\n\n${astToString(ast)}`;
}
