// The body the request-overhead benchmark serves: a 365-day AIclicks time series.
export const domain_id = "8f1d3c0a-2f9b-4c11-9b80-7a82e1f0c3f3";
const day = (i: number) => new Date(Date.UTC(2025, 10, 23) + i * 86_400_000).toISOString().slice(0, 10);
export const seriesBody = JSON.stringify({
  data: { items: Array.from({ length: 365 }, (_, i) => ({ date: day(i), value: (i * 37) % 10_000 / 100 })) },
  domain_id,
  days: 365,
  generated_at: "2026-11-23T10:00:11.218Z",
});
