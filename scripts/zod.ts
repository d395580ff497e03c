// Step 3: zod 4 schemas for every component, request (path, query, body) and success response,
// by Hey API's zod plugin, with formats as lenient as the vendors' real data. Step 3b
// (zod-factories.ts) writes them out.
import { createClient } from "@hey-api/openapi-ts";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenApiDocument } from "./bundle.js";

type StringContext = {
  schema: { format?: string };
  nodes: { format: (ctx: StringContext) => unknown };
};

/**
 * Vendors' example ids are 8-4-4-4-12 hex strings whose version and variant nibbles are not
 * RFC 9562 (zod 4's `z.uuid()` rejects them; JSON Schema's `format: uuid` and Prism accept them),
 * so a uuid is rendered as `z.guid()`. `uri` is left a plain string: vendors send bare hosts.
 */
function lenientStrings(ctx: StringContext): undefined {
  const format = ctx.nodes.format;
  ctx.nodes.format = (c) => {
    if (c.schema.format === "uuid") return format({ ...c, schema: { ...c.schema, format: "guid" } });
    if (c.schema.format === "uri") return undefined;
    return format(c);
  };
  return undefined; // fall through to the plugin's own resolver, now with our format node
}

export async function renderZod(doc: OpenApiDocument): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "zod-"));
  try {
    const input = join(dir, "openapi.json");
    await writeFile(input, JSON.stringify(doc));
    await createClient({
      input,
      output: { path: join(dir, "out"), indexFile: false },
      logs: { level: "silent" },
      plugins: [
        {
          name: "zod",
          definitions: true,
          requests: true,
          responses: true,
          // Vendors send offsets (`+00:00`) as well as `Z`.
          dates: { offset: true, local: false },
          "~resolvers": { string: lenientStrings },
        } as never,
      ],
    });
    const source = await readFile(join(dir, "out", "zod.gen.ts"), "utf8");
    return source;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
