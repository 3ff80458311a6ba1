/**
 * Splits CSV text (RFC 4180) into records of fields: commas between fields, CRLF or LF (or a lone CR) between
 * records, a field in double quotes may hold commas, line breaks and doubled quotes (`""` → `"`). Partners' exports
 * are not always strict, so: a quote inside an unquoted field is just a character, a leading byte-order mark is
 * dropped (it is the encoding's, not the first column name's), and a record with nothing but blank fields (an empty
 * line, a spreadsheet's `,,,`) is skipped. null when a quoted field is never closed: the rest of the text cannot be
 * told apart into fields, so the caller refuses it rather than guessing.
 */
export const parseCsv = (text: string): string[][] | null => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let isQuoted = false;
  const endRecord = () => {
    record.push(field);
    if (record.some((value) => value.trim() !== "")) records.push(record);
    record = [];
    field = "";
  };
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    if (isQuoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"' && field === "") isQuoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i += 1;
      endRecord();
    } else field += char;
  }
  if (isQuoted) return null;
  endRecord();
  return records;
};
