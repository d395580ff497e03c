// Renders changes for people (grouped by operation, breaking first) or machines (`--json`).
import type { Change } from "./compare.js";

export interface Report {
  breaking: boolean;
  changes: (Change & { vendor?: string })[];
}

export function toReport(changes: (Change & { vendor?: string })[]): Report {
  return { breaking: changes.some((c) => c.breaking), changes };
}

const brief = (value: unknown) => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

export function formatText(report: Report): string {
  if (!report.changes.length) return "No changes.";
  const groups = new Map<string, Report["changes"]>();
  for (const change of report.changes) {
    const key = `${change.vendor ? `${change.vendor}: ` : ""}${change.operation}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const lines: string[] = [];
  for (const [operation, changes] of groups) {
    lines.push(operation);
    for (const c of [...changes].sort((a, b) => Number(b.breaking) - Number(a.breaking))) {
      const values = "before" in c || "after" in c ? ` (${brief(c.before ?? "—")} → ${brief(c.after ?? "—")})` : "";
      lines.push(`  ${c.breaking ? "BREAKING" : "ok      "}  ${c.location ? `${c.location}: ` : ""}${c.rule}${values}`);
      lines.push(`            ${c.reason}`);
    }
  }
  const breaking = report.changes.filter((c) => c.breaking).length;
  lines.push("", `${report.changes.length} change(s), ${breaking} breaking.`);
  return lines.join("\n");
}
