import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("CSV (RFC 4180)", () => {
  it("reads quoted fields, doubled quotes, line breaks inside quotes, CRLF, LF and a lone CR", () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",,e\rf,g,h\n')).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["two\nlines", "", "e"],
      ["f", "g", "h"],
    ]);
    expect(parseCsv('"",x')).toEqual([["", "x"]]);
  });

  it("skips records with nothing but blank fields: empty lines, spaces, a spreadsheet's ,,,", () => {
    expect(parseCsv("a,b\r\n\r\n  \n,,\n, ,\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\n")).toEqual([]);
  });

  it("keeps a quote inside an unquoted field as a character", () => {
    expect(parseCsv('5" screen,x\n')).toEqual([['5" screen', "x"]]);
  });

  it("drops a leading byte-order mark, so the first column keeps its name", () => {
    expect(parseCsv("\uFEFFid,amount\n1,2")).toEqual([
      ["id", "amount"],
      ["1", "2"],
    ]);
  });

  it("refuses a quoted field that is never closed", () => {
    expect(parseCsv('a,"open')).toBeNull();
    expect(parseCsv('a,"b""\nc,d')).toBeNull();
  });
});
