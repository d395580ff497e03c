// The file name a Content-Disposition header suggests (RFC 6266, with RFC 8187's `filename*`),
// reduced to a base name that is safe to save under. Hand-written: the `content-disposition`
// package is 1.7 kB gzipped as bundled (CommonJS, so its formatter comes along), which would put
// the AIPTx entry over its 12 kB target; this is 0.6 kB. (3.x needs Node 22; 1.x throws on a
// whole header for one unknown charset.)

/** One `name=value` parameter after the disposition type; a quoted value loses its quotes and escapes. */
function parameters(header: string): Map<string, string> {
  const found = new Map<string, string>();
  // Parameter = name "=" ( quoted-string / anything up to the next ";" ); the type comes first.
  const parameter = /;\s*([^\s;=]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/gs;
  for (const [, name, quoted, bare] of header.matchAll(parameter)) {
    const key = name!.toLowerCase();
    // A name given twice is malformed; the first one counts, as in browsers.
    if (!found.has(key)) found.set(key, quoted !== undefined ? quoted.replace(/\\(.)/gs, "$1") : bare!.trim());
  }
  return found;
}

/** Header values arrive as Latin-1 code units; a server that sent raw UTF-8 bytes meant UTF-8. */
function rawUtf8(text: string): string {
  if (!/[\x80-\xff]/.test(text) || /[^\x00-\xff]/.test(text)) return text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  } catch {
    return text;
  }
}

/** RFC 8187 `charset'language'pct-encoded`; undefined for an unknown charset or broken encoding. */
function extendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/s.exec(value);
  if (!match) return undefined;
  const [, charset, encoded] = match;
  if (/%(?![0-9a-f]{2})/i.test(encoded!)) return undefined;
  const bytes = Uint8Array.from(encoded!.matchAll(/%([0-9a-f]{2})|([\s\S])/gi), ([, hex, char]) => (hex ? parseInt(hex, 16) : char!.charCodeAt(0)));
  try {
    // TextDecoder knows every WHATWG charset label (UTF-8, ISO-8859-1, windows-1252 …) and throws on the rest.
    return new TextDecoder(charset!.trim(), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The last path segment without control characters or leading dots, trimmed: never `..`, a
 * directory or a hidden file; undefined when nothing is left.
 */
export function safeBaseName(name: string): string | undefined {
  const base = name.split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\x00-\x1f\x7f-\x9f]/g, "").trim().replace(/^\.+/, "").trim();
  return clean || undefined;
}

/** The suggested file name: `filename*` when it decodes, else `filename`; a safe base name or undefined. */
export function filenameFromDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const params = parameters(header);
  const extended = params.get("filename*");
  const decoded = extended === undefined ? undefined : extendedValue(extended);
  const plain = params.get("filename");
  const name = decoded ?? (plain === undefined ? undefined : rawUtf8(plain));
  return name === undefined ? undefined : safeBaseName(name);
}
