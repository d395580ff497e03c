// Step 5: validators.ts, the zod schemas that check each operation's request and JSON response,
// which the client imports lazily (zod stays out of an app that turns validation off). Reading an
// operation's entry builds its schemas (zod-factories.ts), so a call builds only what it uses.
import type { OpenApiDocument } from "./bundle.js";
import { operationEntries, schemaBaseName } from "./operations.js";
import { GENERATED_HEADER } from "./vendors.js";

export function renderValidators(doc: OpenApiDocument, schemaNames: string[]): string {
  const known = new Set(schemaNames);
  const ref = (name: string) => (known.has(name) ? `build.${name}()` : "undefined");
  const rows = operationEntries(doc).map((e) => {
    const name = schemaBaseName(e.operationId);
    return (
      `  get ${JSON.stringify(e.key)}() {\n` +
      `    return {\n` +
      `      path: ${ref(`z${name}Path`)},\n` +
      `      query: ${ref(`z${name}Query`)},\n` +
      `      body: ${ref(`z${name}Body`)},\n` +
      `      response: ${e.responseKind === "json" ? ref(`z${name}Response`) : "undefined"},\n` +
      `    };\n` +
      `  },`
    );
  });
  return [
    `// ${GENERATED_HEADER}`,
    "// The zod schemas of each operation's request and JSON response, keyed like operations.ts;",
    "// reading an entry builds its schemas.",
    'import * as build from "./zod-factories.js";',
    'import type { ValidatorTable } from "../../src/core/operation.js";',
    "",
    `export const validatorTable = {\n${rows.join("\n")}\n} satisfies ValidatorTable;`,
    "",
  ].join("\n");
}
