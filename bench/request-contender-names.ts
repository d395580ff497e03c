// The contenders of the request-overhead benchmark, in the order a round starts from.
export const CONTENDERS = [
  "raw fetch",
  "raw fetch + timeout + id headers",
  "openapi-fetch alone",
  'client, validate "off"',
  'client, validate "strict"',
  "zod check of the body alone",
  "openapi-fetch alone, in-memory fetch",
  'client, validate "off", in-memory fetch',
  'client, validate "strict", in-memory fetch',
] as const;
export type Contender = (typeof CONTENDERS)[number];
