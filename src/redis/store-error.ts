// What a call gets when the shared store cannot be reached and the client chose
// `onStoreError: "fail"` over going on under its in-process limiter.
export class RateLimitStoreError extends Error {
  override readonly name = "RateLimitStoreError";
}
