// What core needs to know about a vendor. Each src/<vendor>/vendor.ts fills this in once;
// core itself names no vendor.
import type { OperationTable, PrecompiledTable, ValidatorTable } from "./operation.js";
import type { PaginationStyle } from "./paginate.js";

export interface AuthScheme {
  /** Header that carries the key. */
  header: string;
  /** Written before the key in the header value, e.g. `Bearer `. */
  valuePrefix?: string;
}

export interface VendorDescription {
  /** Folder name, used in errors and logs: `aiclicks`. */
  name: string;
  /** Human name for messages: `AIclicks`. */
  displayName: string;
  baseUrl: string;
  apiKey: {
    envVar: string;
    /** Human description of the expected form, quoted in errors: "starts with `ak_live_`". */
    expected: string;
    /** True when the key has the vendor's published form. */
    isWellFormed: (key: string) => boolean;
  };
  /** Auth schemes by name; the first is the default. */
  auth: Record<string, AuthScheme>;
  /** Requests per minute the vendor publishes for one key, if it publishes one. */
  rateLimitPerMinute?: number;
  pagination: PaginationStyle;
  /**
   * Pulls `code` and `message` out of the vendor's error body, and the vendor's own request id
   * when the body carries one (it then wins over the X-Request-Id header).
   */
  errorBody: (body: unknown) => { code?: string; message?: string; requestId?: string };
  operations: OperationTable;
  /**
   * Loads the table of every operation's zod schemas: `() => import("…/validators.js")`. Called
   * on the first validated request, so zod is loaded (and bundled as a separate chunk) only when
   * used; an entry builds its operation's schemas when it is first read.
   */
  loadValidators: () => Promise<ValidatorTable>;
  /**
   * Loads the checks precompiled from those schemas (`() => import("…/precompiled.js")`): the
   * fast path, which needs no zod. A value they refuse goes to zod, whose verdict and issues stand.
   * Without it, every check is zod's.
   */
  loadPrecompiled?: () => Promise<PrecompiledTable>;
}
