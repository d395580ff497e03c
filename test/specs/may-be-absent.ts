// The response fields a vendor documents yet shows absent from some documented answer: they stay
// optional, so renaming one in an example cannot be caught. Every other optional response field is a
// guess and its description starts with GUESS_PREFIX. Keep this list honest: the tests check that
// each entry is optional, unmarked and still shown by some example.
export interface MayBeAbsent {
  vendor: string;
  /** Pointer of the object schema that declares the fields (a RegExp for a family of schemas). */
  schema: string | RegExp;
  fields: string[];
  /** Why the docs say the field can be absent, with the source. */
  reason: string;
}

export const MAY_BE_ABSENT: MayBeAbsent[] = [
  {
    vendor: "ailabsaudit",
    schema: "/components/schemas/Audit",
    fields: ["score"],
    reason: "The integration guide's own code reads it as `audit.get('score', 'N/A')` (seed 000): an audit may have no score.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/Scan",
    fields: ["target", "mode", "type", "name", "progress", "current_phase", "phases", "findings_count", "created_at", "started_at", "completed_at", "estimated_duration", "estimated_completion", "parent_scan_id"],
    reason:
      "The API introduction's generic success example is a scan with only `id`, `status` and `created_at` (fact sheet §4), and the create (E1), list (E2), detail (E3) and rescan (E6) examples each leave some of the others out.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/ScanPhase",
    fields: ["endpoints_discovered", "technologies_detected", "tests_completed", "tests_total"],
    reason: "Phase-specific counters: the scan-detail example (E3) shows each only on the phase it belongs to.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/Pagination",
    fields: ["total_pages"],
    reason: "The reports-list example (E16) has no `total_pages`; the scans and findings lists show it.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/ErrorObject",
    fields: ["details"],
    reason: "Only the `INVALID_TARGET` example of the error reference carries `details`; the other error examples show `code` and `message` alone.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/SarifLog/properties/runs/items/properties/tool/properties/driver",
    fields: ["rules"],
    reason: "Shown by the export-formats guide's SARIF sample, absent from the export endpoint's own SARIF example (E14).",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/Finding",
    fields: ["cvss_vector", "subcategory", "cwe_id", "description", "impact", "proof_of_concept", "remediation", "compliance", "updated_at"],
    reason: "Detail-only: the finding-detail example (E10) shows them, the findings-list example (E9) leaves them out.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/FindingEndpoint",
    fields: ["full_url"],
    reason: "Finding detail only (E10); the list (E9) and export (E14) examples leave it out.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/ProofOfConcept",
    fields: ["request", "response"],
    reason: "The finding-detail example (E10) shows them; the JSON export's `poc` (E14) holds only `curl_command`.",
  },
  {
    vendor: "aiptx",
    schema: "/components/schemas/Report",
    fields: ["file_size", "expires_at", "estimated_completion", "compliance", "download_url", "summary"],
    reason: "Each report answer shows a different subset: create (E15) answers while generating, the list (E16) and detail (E17) examples show the finished file's fields in part.",
  },
  {
    vendor: "aiptx",
    schema: /^\/components\/schemas\/\w+Response$/,
    fields: ["meta"],
    reason: "Only the API introduction's generic success example carries `meta.request_id`; none of the endpoint examples does (fact sheet §4).",
  },
];

/** The entry that lists a property, given its pointer ("/components/schemas/Scan/properties/name"). */
export function mayBeAbsent(vendor: string, pointer: string): MayBeAbsent | undefined {
  const at = pointer.lastIndexOf("/properties/");
  const schema = pointer.slice(0, at);
  const field = pointer.slice(at + "/properties/".length);
  return MAY_BE_ABSENT.find(
    (e) => e.vendor === vendor && e.fields.includes(field) && (typeof e.schema === "string" ? e.schema === schema : e.schema.test(schema)),
  );
}
