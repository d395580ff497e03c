// Step 3: zod 4 schemas for every component, request (path, query, body) and success response,
// by Hey API's zod plugin, with string formats checked as the spec's JSON Schema checks them. Step 3b
// (zod-factories.ts) writes them out.
import { createClient } from "@hey-api/openapi-ts";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenApiDocument } from "./bundle.js";

type Node = { attr(name: string): Node; call(...args: unknown[]): Node };
type StringContext = {
  $: ((target: unknown) => Node) & { literal(value: string): unknown };
  schema: { format?: string };
  symbols: { z: unknown };
  nodes: { format: (ctx: StringContext) => unknown };
};

/**
 * Each format the specs use, by the name of its check in src/core/formats.ts (imported as
 * `formats` by zod-factories.ts). zod's own checks refuse values the spec's JSON Schema (and
 * Prism) accept: lower-case `t`/`z` in a date-time, uuids whose version and variant nibbles are not
 * RFC 9562 (vendors' example ids). `z.stringFormat` keeps zod's `invalid_format` issue and name.
 */
export const FORMAT_CHECKS: Record<string, string> = {
  "date-time": "dateTime",
  date: "date",
  uuid: "uuid",
  email: "email",
  uri: "uri",
};

function specFormats(ctx: StringContext): undefined {
  const format = ctx.nodes.format;
  ctx.nodes.format = (c) => {
    const check = c.schema.format === undefined ? undefined : FORMAT_CHECKS[c.schema.format];
    if (!check) return format(c);
    return c.$(c.symbols.z).attr("stringFormat").call(c.$.literal(c.schema.format!), c.$("formats").attr(check));
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
          "~resolvers": { string: specFormats },
        } as never,
      ],
    });
    const source = await readFile(join(dir, "out", "zod.gen.ts"), "utf8");
    return source;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
