// Step 3b: the zod plugin's schemas (step 3) split in two files. zod-factories.ts holds each
// schema as a factory that builds it on first use and keeps it, so the client's first validated
// call builds what its operation references, not the vendor's whole set; zod.ts, the public
// `<vendor>/schemas` entry, builds every one of them, with the plugin's doc comments.
import ts from "typescript";
import { GENERATED_HEADER } from "./vendors.js";

interface Declaration {
  name: string;
  /** The doc comment the plugin wrote above it, if any. */
  doc: string;
  /** The initializer with every reference to another schema `zX` written as the call `zX()`. */
  factory: string;
}

/** The `export const zX = …;` statements of the zod plugin's output. */
export function zodDeclarations(zodSource: string): Declaration[] {
  const file = ts.createSourceFile("zod.ts", zodSource, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statements = file.statements.filter(ts.isVariableStatement);
  const names = new Set(statements.flatMap((s) => s.declarationList.declarations.map((d) => d.name.getText(file))));
  return statements.flatMap((statement) => {
    const doc = (ts.getJSDocCommentsAndTags(statement.declarationList.declarations[0]!) ?? [])
      .map((comment) => comment.getText(file))
      .join("\n");
    return statement.declarationList.declarations.map((declaration) => {
      const init = declaration.initializer!;
      const calls: number[] = [];
      const visit = (node: ts.Node) => {
        // A reference, not a property name (`{ zX: … }`, `a.zX`): becomes a call of its factory.
        const parent = node.parent;
        const isName = (ts.isPropertyAssignment(parent) || ts.isPropertyAccessExpression(parent)) && parent.name === node;
        if (ts.isIdentifier(node) && names.has(node.text) && !isName) calls.push(node.getEnd());
        node.forEachChild(visit);
      };
      visit(init);
      const start = init.getStart(file);
      let factory = init.getText(file);
      for (const end of calls.sort((a, b) => b - a)) factory = `${factory.slice(0, end - start)}()${factory.slice(end - start)}`;
      return { name: declaration.name.getText(file), doc, factory };
    });
  });
}

export function renderZodFactories(declarations: Declaration[]): string {
  return [
    `// ${GENERATED_HEADER}`,
    "// The zod 4 schemas of @hey-api/openapi-ts (zod plugin), each a factory that builds it on first use.",
    'import * as z from "zod";',
    'import * as formats from "../../src/core/formats.js";',
    'import { once } from "../../src/core/operation.js";',
    "",
    ...declarations.map((d) => `export const ${d.name} = once(() => ${d.factory});\n`),
  ].join("\n");
}

export function renderZodEntry(declarations: Declaration[]): string {
  return [
    `// ${GENERATED_HEADER}`,
    "// zod 4 schemas by @hey-api/openapi-ts (zod plugin), every one built when this module loads.",
    'import * as build from "./zod-factories.js";',
    "",
    ...declarations.map((d) => `${d.doc ? `${d.doc}\n` : ""}export const ${d.name} = build.${d.name}();\n`),
  ].join("\n");
}
