import type { ReactNode } from "react";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  render: (row: Row) => ReactNode;
  align?: "start" | "end";
  className?: string;
};

export type DataTableProps<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  caption?: ReactNode;
  testId?: string;
  rowTestId?: (row: Row) => string | undefined;
};

/** A dense table for back-office lists: sticky header, zebra rows, numbers aligned to the end. */
export const DataTable = <Row,>({ columns, rows, rowKey, empty, caption, testId, rowTestId }: DataTableProps<Row>) => (
  <div className="overflow-x-auto rounded-md border border-felt-700">
    <table className="w-full border-collapse text-sm" data-testid={testId}>
      {caption ? <caption className="px-2 py-1 text-start text-muted text-xs">{caption}</caption> : null}
      <thead className="sticky top-0 bg-felt-900">
        <tr>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={`px-2 py-1.5 font-medium text-muted text-xs uppercase tracking-wide ${column.align === "end" ? "text-end" : "text-start"}`}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="px-2 py-3 text-center text-muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr
              key={rowKey(row)}
              data-testid={rowTestId?.(row)}
              className="border-felt-700 border-t odd:bg-felt-950 even:bg-felt-900/40"
            >
              {columns.map((column) => (
                <td
                  key={column.key}
                  className={`px-2 py-1 align-top ${column.align === "end" ? "text-end tabular-nums" : ""} ${column.className ?? ""}`}
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  </div>
);
