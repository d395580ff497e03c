// CHANGELOG.md in Keep a Changelog form, one `## [version] - date` entry per release with a
// `### <vendor>` section per vendor: read it, and draft an entry from the diff plus a human line.
import type { Change } from "../../src/cli/diff/compare.js";

export interface ChangelogEntry {
  version: string;
  date: string;
  /** The human lines under the heading, before the first vendor section. */
  note: string;
  /** vendor → the section's Markdown, without its heading. */
  vendors: Map<string, string>;
}

export function readChangelog(markdown: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  for (const chunk of markdown.split(/^## /m).slice(1)) {
    const heading = /^\[([^\]]+)\](?:\s*-\s*(\S+))?/.exec(chunk);
    if (!heading || heading[1] === "Unreleased") continue;
    const [intro, ...sections] = chunk.slice(chunk.indexOf("\n") + 1).split(/^### /m);
    const vendors = new Map<string, string>();
    for (const section of sections) {
      const newline = section.indexOf("\n");
      vendors.set(section.slice(0, newline).trim(), section.slice(newline + 1).trim());
    }
    entries.push({ version: heading[1]!, date: heading[2] ?? "", note: intro!.trim(), vendors });
  }
  return entries;
}

/** A change the diff cannot see: a previous release's snippet that no longer compiles. */
export interface ExtraBreaking {
  vendor: string;
  text: string;
}

const ADDED = /-added$|^optional-|^required-(parameter|request-body)-added$/;

function line(c: Change): string {
  const where = c.location ? ` — ${c.location}` : c.rule.startsWith("operation-") ? ` (${String(c.after ?? c.before)})` : "";
  return `- \`${c.operation}\`${where}: ${c.rule.replace(/-/g, " ")}${c.breaking ? ` (${c.reason})` : ""}`;
}

/** The Markdown of one vendor's section: breaking first, then added, then changed; descriptions counted. */
export function draftVendorSection(changes: Change[], extra: ExtraBreaking[] = []): string {
  const docs = changes.filter((c) => c.rule === "description-changed" || c.rule === "operation-description-changed");
  const types = changes.filter((c) => c.rule === "component-schema-added");
  const rest = changes.filter((c) => !docs.includes(c) && !types.includes(c));
  const breaking = [...rest.filter((c) => c.breaking).map(line), ...extra.map((e) => `- ${e.text}`)];
  const added = rest.filter((c) => !c.breaking && ADDED.test(c.rule)).map(line);
  if (types.length) added.push(`- Types and zod schemas: ${types.map((c) => `\`${c.location.replace(/^schema /, "")}\``).join(", ")}.`);
  const changed = rest.filter((c) => !c.breaking && !ADDED.test(c.rule)).map(line);
  if (docs.length) changed.push(`- Documentation: ${docs.length} description(s) reworded.`);
  const parts: string[] = [];
  if (breaking.length) parts.push(`#### Breaking\n\n${breaking.join("\n")}`);
  if (added.length) parts.push(`#### Added\n\n${added.join("\n")}`);
  if (changed.length) parts.push(`#### Changed\n\n${changed.join("\n")}`);
  return parts.join("\n\n") || "No contract changes.";
}

export function draftEntry(version: string, date: string, note: string, sections: Map<string, string>): string {
  const body = [...sections].map(([vendor, text]) => `### ${vendor}\n\n${text}`).join("\n\n");
  return `## [${version}] - ${date}\n\n${note.trim()}\n\n${body}\n`;
}

/** Inserts an entry above the newest release (below `## [Unreleased]`, which stays for work in progress). */
export function insertEntry(markdown: string, entry: string): string {
  const at = markdown.search(/^## \[(?!Unreleased\])/m);
  return at === -1 ? `${markdown.trimEnd()}\n\n${entry}` : `${markdown.slice(0, at)}${entry}\n${markdown.slice(at)}`;
}
