// The two openapi-fetch types the client's method signatures use, FetchResponse and
// MaybeOptionalInit, written out here (as openapi-fetch 0.17.0 has them) with what they need.
// Why: a declaration file that imports openapi-fetch makes every consumer's tsc check its whole
// index.d.mts when skipLibCheck is false, which measured 1.04 s of a one-client app's 1.15 s;
// with these copies the app adds about 0.25 s. test/types/fetch-types.test-d.ts holds them equal
// to openapi-fetch's own, so an upgrade that changes them fails the type tests.
import type {
  ErrorResponse,
  FilterKeys,
  IsOperationRequestBodyOptional,
  MediaType,
  OperationRequestBodyContent,
  Readable,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
  Writable,
} from "openapi-typescript-helpers";

type BodyType<T = unknown> = {
  json: T;
  text: Awaited<ReturnType<Response["text"]>>;
  blob: Awaited<ReturnType<Response["blob"]>>;
  arrayBuffer: Awaited<ReturnType<Response["arrayBuffer"]>>;
  stream: Response["body"];
};
type ParseAs = keyof BodyType;
type ParseAsResponse<T, Options> = Options extends { parseAs: ParseAs } ? BodyType<T>[Options["parseAs"]] : T;

type ParamsOption<T> = T extends { parameters: any }
  ? RequiredKeysOf<T["parameters"]> extends never
    ? { params?: T["parameters"] }
    : { params: T["parameters"] }
  : { params?: { query?: Record<string, unknown> } };

type RequestBodyOption<T> =
  Writable<OperationRequestBodyContent<T>> extends never
    ? { body?: never }
    : IsOperationRequestBodyOptional<T> extends true
      ? { body?: Writable<OperationRequestBodyContent<T>> }
      : { body: Writable<OperationRequestBodyContent<T>> };

type HeadersOptions = Required<RequestInit>["headers"] | Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>;

type QuerySerializer<T> = (query: T extends { parameters: any } ? NonNullable<T["parameters"]["query"]> : Record<string, unknown>) => string;
type QuerySerializerOptions = {
  array?: { style: "form" | "spaceDelimited" | "pipeDelimited"; explode: boolean };
  object?: { style: "form" | "deepObject"; explode: boolean };
  allowReserved?: boolean;
};
type BodySerializer<T> = (body: OperationRequestBodyContent<T>) => any;
type PathSerializer = (pathname: string, pathParams: Record<string, unknown>) => string;

interface MiddlewareCallbackParams {
  request: Request;
  readonly schemaPath: string;
  readonly params: { query?: Record<string, unknown>; header?: Record<string, unknown>; path?: Record<string, unknown>; cookie?: Record<string, unknown> };
  readonly id: string;
  readonly options: {
    baseUrl: string;
    parseAs: ParseAs;
    querySerializer: QuerySerializer<unknown>;
    bodySerializer: BodySerializer<unknown>;
    pathSerializer: PathSerializer;
    fetch: typeof globalThis.fetch;
  };
}
type MiddlewareOnRequest = (options: MiddlewareCallbackParams) => void | Request | Response | undefined | Promise<Request | Response | undefined | void>;
type MiddlewareOnResponse = (options: MiddlewareCallbackParams & { response: Response }) => void | Response | undefined | Promise<Response | undefined | void>;
type MiddlewareOnError = (options: MiddlewareCallbackParams & { error: unknown }) => void | Response | Error | Promise<void | Response | Error>;
type Middleware =
  | { onRequest: MiddlewareOnRequest; onResponse?: MiddlewareOnResponse; onError?: MiddlewareOnError }
  | { onRequest?: MiddlewareOnRequest; onResponse: MiddlewareOnResponse; onError?: MiddlewareOnError }
  | { onRequest?: MiddlewareOnRequest; onResponse?: MiddlewareOnResponse; onError: MiddlewareOnError };

type RequestOptions<T> = ParamsOption<T> &
  RequestBodyOption<T> & {
    baseUrl?: string;
    querySerializer?: QuerySerializer<T> | QuerySerializerOptions;
    bodySerializer?: BodySerializer<T>;
    pathSerializer?: PathSerializer;
    parseAs?: ParseAs;
    fetch?: (input: Request) => Promise<Response>;
    headers?: HeadersOptions;
    middleware?: Middleware[];
  };

type FetchOptions<T> = RequestOptions<T> & Omit<RequestInit, "body" | "headers">;

export type FetchResponse<T extends Record<string | number, any>, Options, Media extends MediaType> =
  | { data: ParseAsResponse<Readable<SuccessResponse<ResponseObjectMap<T>, Media>>, Options>; error?: never; response: Response }
  | { data?: never; error: Readable<ErrorResponse<ResponseObjectMap<T>, Media>>; response: Response };

export type MaybeOptionalInit<Params, Location extends keyof Params> =
  RequiredKeysOf<FetchOptions<FilterKeys<Params, Location>>> extends never
    ? FetchOptions<FilterKeys<Params, Location>> | undefined
    : FetchOptions<FilterKeys<Params, Location>>;
