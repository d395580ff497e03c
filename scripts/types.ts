// Step 2: TypeScript types for paths, operations and components, by openapi-typescript.
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle.js";
import { GENERATED_HEADER } from "./vendors.js";

export async function renderTypes(doc: OpenApiDocument): Promise<string> {
  // openapi-typescript does not need the marker key; it only reads the OpenAPI fields.
  const ast = await openapiTS(doc as never, { rootTypes: false, alphabetize: false });
  return `// ${GENERATED_HEADER}\n// TypeScript types by openapi-typescript.\n\n${astToString(ast)}`;
}
