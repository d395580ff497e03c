// Binary answers (PDF reports, CSV exports …) as bytes, with the file name the server suggests.
import { filenameFromDisposition } from "./content-disposition.js";

export interface Download {
  bytes: Uint8Array;
  contentType: string;
  /** From Content-Disposition, when the server sends one: a base name only, safe to save under. */
  filename: string | undefined;
}

export function toDownload(data: ArrayBuffer, response: Response): Download {
  return {
    bytes: new Uint8Array(data),
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    filename: filenameFromDisposition(response.headers.get("content-disposition")),
  };
}
