// Content-Disposition file names per RFC 6266 and RFC 8187: quoted strings with escapes,
// `filename*` with a charset and language tag (winning over `filename`, which remains the
// fallback for a charset we cannot decode), and only a safe base name in the end, or none.
import { describe, expect, it } from "vitest";
import { filenameFromDisposition, safeBaseName } from "../../src/core/content-disposition.js";
import { toDownload } from "../../src/core/download.js";

const table: Array<[string, string | null | undefined, string | undefined]> = [
  // filename as a token or a quoted-string (RFC 6266 §4.1; cases after Reschke's tc2231 set)
  ["quoted", 'attachment; filename="foo.html"', "foo.html"],
  ["token", "attachment; filename=foo.html", "foo.html"],
  ["inline disposition", 'inline; filename="foo.pdf"', "foo.pdf"],
  ["parameter name in upper case", 'attachment; FILENAME="foo.html"', "foo.html"],
  ["spaces around = and ;", 'attachment ;  filename = "foo.html"', "foo.html"],
  ["an escaped quote does not end the name", 'attachment; filename="f\\"oo.html"', 'f"oo.html'],
  ["escaped quotes around a word", 'attachment; filename="\\"quoting\\" tested.html"', '"quoting" tested.html'],
  ["a quoted-pair of an ordinary character", 'attachment; filename="f\\oo.html"', "foo.html"],
  ["a semicolon inside the quotes", 'attachment; filename="Here\'s a semicolon;.html"', "Here's a semicolon;.html"],
  ["after another parameter", 'attachment; foo="bar"; filename="foo.html"', "foo.html"],
  ["after a parameter holding escapes and a semicolon", 'attachment; foo="\\"\\\\;x"; filename="foo.html"', "foo.html"],
  ["the first of two filename parameters", 'attachment; filename="first.pdf"; filename="second.pdf"', "first.pdf"],
  ["raw UTF-8 bytes in filename (as Latin-1 code units)", 'attachment; filename="na\u00c3\u00afve.pdf"', "naïve.pdf"],
  ["Latin-1 in filename that is not UTF-8 stays as sent", 'attachment; filename="caf\u00e9.pdf"', "café.pdf"],
  // filename* (RFC 8187 §3.2)
  ["filename* UTF-8", "attachment; filename*=UTF-8''foo-%c3%a4-%e2%82%ac.html", "foo-ä-€.html"],
  ["filename* charset in lower case", "attachment; filename*=utf-8''rapport%20Acme.pdf", "rapport Acme.pdf"],
  ["filename* with a language tag", "attachment; filename*=UTF-8'en'%C2%A3%20and%20%E2%82%AC%20rates", "£ and € rates"],
  ["filename* ISO-8859-1 with a language tag", "attachment; filename*=iso-8859-1'en'%A3%20rates.pdf", "£ rates.pdf"],
  ["filename* ISO-8859-1 letters", "attachment; filename*=ISO-8859-1''r%E9sum%E9.pdf", "résumé.pdf"],
  ["filename* quoted (not allowed, but sent)", "attachment; filename*=\"UTF-8''a%20b.pdf\"", "a b.pdf"],
  ["filename* wins when it comes after filename", "attachment; filename=\"EURO rates\"; filename*=utf-8''%e2%82%ac%20rates", "€ rates"],
  ["filename* wins when it comes before filename", "attachment; filename*=utf-8''%e2%82%ac%20rates; filename=\"EURO rates\"", "€ rates"],
  ["an unknown charset falls back to filename", "attachment; filename*=x-klingon''foo.html; filename=\"fallback.html\"", "fallback.html"],
  ["an unknown charset and no filename gives none", "attachment; filename*=x-klingon''foo.html", undefined],
  ["broken UTF-8 falls back to filename", "attachment; filename*=UTF-8''foo-%c3.html; filename=\"plain.html\"", "plain.html"],
  ["a broken percent escape falls back to filename", "attachment; filename*=UTF-8''100%zz.html; filename=\"plain.html\"", "plain.html"],
  ["filename* without its two quotes falls back", "attachment; filename*=UTF-8%20x.html; filename=\"plain.html\"", "plain.html"],
  // only a safe base name
  ["a relative path keeps its last segment", 'attachment; filename="../../etc/passwd"', "passwd"],
  ["a Windows path keeps its last segment", "attachment; filename=..\\..\\windows\\win.ini", "win.ini"],
  ["an absolute path keeps its last segment", 'attachment; filename="/tmp/report.pdf"', "report.pdf"],
  ["percent-encoded separators in filename*", "attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", "passwd"],
  ["percent-encoded backslashes in filename*", "attachment; filename*=UTF-8''..%5C..%5Cboot.ini", "boot.ini"],
  ["a name that is only ..", 'attachment; filename=".."', undefined],
  ["a path ending in /", 'attachment; filename="reports/"', undefined],
  ["leading dots are stripped (no hidden files)", 'attachment; filename=".bashrc"', "bashrc"],
  ["several leading dots", 'attachment; filename="...hidden.pdf"', "hidden.pdf"],
  ["dots inside a name stay", 'attachment; filename="report..v2.pdf"', "report..v2.pdf"],
  ["CR, LF and NUL are dropped", "attachment; filename*=UTF-8''evil%0D%0Aname%00.pdf", "evilname.pdf"],
  ["C1 control characters are dropped", "attachment; filename*=UTF-8''a%C2%85b.pdf", "ab.pdf"],
  ["a tab in a quoted name is dropped", 'attachment; filename="a\tb.pdf"', "ab.pdf"],
  ["surrounding spaces are trimmed", 'attachment; filename="  report.pdf  "', "report.pdf"],
  // no name at all
  ["no header", null, undefined],
  ["an empty header", "", undefined],
  ["a disposition type only", "attachment", undefined],
  ["an empty filename", 'attachment; filename=""', undefined],
  ["a name of spaces only", 'attachment; filename="   "', undefined],
  ["another parameter only", 'attachment; name="field"', undefined],
];

describe("filenameFromDisposition", () => {
  for (const [what, header, expected] of table) {
    it(`${what}: ${JSON.stringify(header)} → ${JSON.stringify(expected)}`, () => {
      expect(filenameFromDisposition(header)).toBe(expected);
    });
  }
});

describe("safeBaseName", () => {
  it("never returns a separator, a control character or a leading dot", () => {
    const nasty = ["a/b", "a\\b", "../x", "..\\x", "x\u0000y", "x\u001by", "\u007f.x", ".x", "..", ".", "/", "\\", "a/.."];
    for (const name of nasty) {
      const safe = safeBaseName(name);
      if (safe !== undefined) expect(safe).not.toMatch(/[/\\\x00-\x1f\x7f-\x9f]|^\./);
    }
    expect(nasty.map(safeBaseName)).toEqual(["b", "b", "x", "x", "xy", "xy", "x", "x", undefined, undefined, undefined, undefined, undefined]);
  });
});

describe("toDownload", () => {
  it("reads the file name from the response's Content-Disposition through the Headers object", () => {
    const response = new Response(null, {
      headers: { "content-disposition": "attachment; filename*=ISO-8859-1'fr'r%E9sum%E9.pdf; filename=\"../resume.pdf\"" },
    });
    expect(toDownload(new ArrayBuffer(0), response).filename).toBe("résumé.pdf");
  });
});
