// The contenders of the request-overhead benchmark, in the order a round starts from.
export const CONTENDERS = ["raw fetch", "raw fetch + timeout + id headers", "openapi-fetch alone", 'client, validate "off"', 'client, validate "strict"', "zod check of the body alone"] as const;
export type Contender = (typeof CONTENDERS)[number];
