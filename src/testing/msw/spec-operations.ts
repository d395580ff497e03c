// Reads a bundled OpenAPI 3.1 spec into what the MSW kit needs per operation: parameters, body,
// auth alternatives and, per response status, the media types with their examples and headers.
// Local `$ref`s (the only kind a bundle has) are resolved here, once.

type Json = Record<string, unknown>;

export interface JsonSchema {
  type?: string | string[];
  items?: JsonSchema;
  [keyword: string]: unknown;
}

export interface ParameterSpec {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

export interface MediaSpec {
  mediaType: string;
  /** `Error` for `$ref: "#/components/schemas/Error"`: the zod component that checks it. */
  schemaRef: string | undefined;
  /** Named examples in spec order (`example` alone becomes one unnamed entry). */
  examples: { name: string | undefined; value: unknown }[];
}

export interface ResponseSpec {
  /** As the spec writes it: `200`, `2XX`, `default`. */
  status: string;
  content: MediaSpec[];
  /** Declared headers with the value their example gives. */
  headers: Record<string, string>;
}

/** One way to authenticate: a header that must be present, with its value's prefix. */
export interface AuthHeader {
  header: string;
  valuePrefix: string;
}

export interface OperationSpec {
  key: string;
  method: string;
  path: string;
  parameters: ParameterSpec[];
  body: { required: boolean; mediaTypes: string[] } | undefined;
  responses: ResponseSpec[];
  /** Alternatives, any one of which is enough; an empty alternative means no auth needed. */
  security: AuthHeader[][];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function resolver(spec: Json) {
  return function resolve<T>(node: T): T {
    let value: unknown = node;
    for (let hops = 0; value && typeof value === "object" && "$ref" in value; hops++) {
      const ref = String((value as Json).$ref);
      if (!ref.startsWith("#/") || hops > 20) throw new Error(`mswHandlers: cannot resolve $ref ${ref}`);
      value = ref
        .slice(2)
        .split("/")
        .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<unknown>((at, part) => (at as Json | undefined)?.[part], spec);
    }
    return value as T;
  };
}

function exampleOf(holder: Json): unknown {
  if ("example" in holder) return holder.example;
  const examples = holder.examples as Json | undefined;
  const first = examples && Object.values(examples)[0];
  return first && typeof first === "object" ? (first as Json).value : undefined;
}

function headerValue(header: Json): string | undefined {
  const schema = (header.schema ?? {}) as Json;
  // Without an example or default, Prism's static mode sends a string header as the literal
  // "string" (its JSON Schema sampler); the kit answers the same, so both mocks agree.
  const value = exampleOf(header) ?? exampleOf(schema) ?? schema.default ?? (schema.type === "string" ? "string" : undefined);
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function authHeaders(spec: Json, requirements: unknown): AuthHeader[][] {
  const schemes = ((spec.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>;
  return ((requirements ?? []) as Json[]).map((requirement) =>
    Object.keys(requirement).map((name): AuthHeader => {
      const scheme = schemes[name] ?? {};
      if (scheme.type === "apiKey" && scheme.in === "header") return { header: String(scheme.name), valuePrefix: "" };
      if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
        return { header: "Authorization", valuePrefix: "Bearer " };
      }
      throw new Error(`mswHandlers: security scheme ${name} (${String(scheme.type)}) is not supported`);
    }),
  );
}

export function readOperations(spec: Json): OperationSpec[] {
  const resolve = resolver(spec);
  const operations: OperationSpec[] = [];
  for (const [path, rawItem] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
    const item = resolve(rawItem);
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const byKey = new Map<string, ParameterSpec>();
      for (const raw of [...((item.parameters ?? []) as Json[]), ...((operation.parameters ?? []) as Json[])]) {
        const p = resolve(raw);
        byKey.set(`${String(p.in)} ${String(p.name)}`, {
          name: String(p.name),
          in: p.in as ParameterSpec["in"],
          required: p.required === true,
          schema: resolve((p.schema ?? {}) as JsonSchema),
        });
      }
      const requestBody = operation.requestBody ? resolve(operation.requestBody as Json) : undefined;
      const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>).map(([status, raw]) => {
        const response = resolve(raw);
        const headers: Record<string, string> = {};
        for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
          const value = headerValue(resolve(header));
          if (value !== undefined) headers[name] = value;
        }
        const content = Object.entries((response.content ?? {}) as Record<string, Json>).map(([mediaType, media]): MediaSpec => {
          const ref = (media.schema as Json | undefined)?.$ref;
          const named = media.examples as Record<string, Json> | undefined;
          const examples = named
            ? Object.entries(named).map(([name, example]) => ({ name, value: resolve(example).value }))
            : "example" in media
              ? [{ name: undefined, value: media.example }]
              : [];
          return {
            mediaType,
            schemaRef: typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice(21) : undefined,
            examples,
          };
        });
        return { status, content, headers };
      });
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: [...byKey.values()],
        body: requestBody
          ? { required: requestBody.required === true, mediaTypes: Object.keys((requestBody.content ?? {}) as Json) }
          : undefined,
        responses,
        security: authHeaders(spec, operation.security ?? spec.security),
      });
    }
  }
  return operations;
}
