// Binary answers (PDF reports, CSV exports …) as bytes, with the file name the server suggests.
export interface Download {
  bytes: Uint8Array;
  contentType: string;
  /** From Content-Disposition, when the server sends one. */
  filename: string | undefined;
}

/** `attachment; filename="r.pdf"` and RFC 6266's `filename*=UTF-8''r%201.pdf`. */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      return extended[1]!.trim();
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  return plain ? (plain[2] ?? plain[1]!).trim() : undefined;
}

export function toDownload(data: ArrayBuffer, response: Response): Download {
  return {
    bytes: new Uint8Array(data),
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    filename: filenameFromDisposition(response.headers.get("content-disposition")),
  };
}
