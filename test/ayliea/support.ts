// Shared by the Ayliea tests: well-formed placeholder keys and spec-conforming list items.
import type { components } from "../../src/ayliea/index.js";

/** `ayliea_pk_` + 64 hex characters: the vendor's form, obviously not a real key. */
export const TEST_KEY = `ayliea_pk_${"0123456789abcdef".repeat(4)}`;

/** A UUID-shaped id unique to `n`, so tests can check order and absence of repeats. */
const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const recommendation = (n: number): components["schemas"]["Recommendation"] => ({
  id: idFor(n),
  title: `Recommendation ${n}`,
  priority: n + 1,
  status: "open",
  framework_id: "nist-csf-2",
  category: "Access Control",
});

export const platform = (n: number): components["schemas"]["DiscoveredPlatform"] => ({
  id: idFor(n),
  platform_name: `Platform ${n}`,
  platform_type: "llm_chat",
  url: `https://platform-${n}.example.org`,
  confidence: 0.5,
  metadata: { vendor: "Example", category: "LLM Chat" },
  created_at: "2026-03-15T14:15:00Z",
});

export const completedScan: components["schemas"]["DiscoveryScan"] = {
  id: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
  organization_id: "550e8400-e29b-41d4-a716-446655440000",
  status: "completed",
  domain: "example.com",
  started_at: "2026-03-15T14:00:00Z",
  completed_at: "2026-03-15T14:30:00Z",
  summary: { platforms_discovered: 6, shadow_ai_count: 1, overall_risk_score: 40 },
};

/** Runs `fn` and returns what it threw; fails the test if it threw nothing. */
export async function caught(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
