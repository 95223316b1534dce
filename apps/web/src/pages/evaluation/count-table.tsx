import type { TEvaluationTable } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";

/**
 * The numbers behind a chart, for reading and for screen readers. A withheld count is
 * written out ("weniger als 5"), never left blank, and the total row says what it sums.
 */
export function CountTable({
  caption,
  table,
  k,
  rowLabel,
  columnLabel,
  rowHeader,
}: {
  caption: string;
  table: TEvaluationTable;
  k: number;
  rowLabel: (row: string) => string;
  columnLabel: (column: string) => string;
  rowHeader: string;
}) {
  const { t } = useTranslation();
  const show = (value: number | null) =>
    value === null ? t("evaluation.withheld", { k }) : value.toLocaleString();
  const withTotals = table.columns.length > 1;
  return (
    <table className="evaluation-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {table.columns.map((column) => (
            <th scope="col" key={column}>
              {columnLabel(column)}
            </th>
          ))}
          {withTotals ? <th scope="col">{t("evaluation.total")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={row}>
            <th scope="row">{rowLabel(row)}</th>
            {table.columns.map((column, columnIndex) => (
              <td key={column}>{show(table.cells[rowIndex]?.[columnIndex] ?? null)}</td>
            ))}
            {withTotals ? <td>{show(table.rowTotals[rowIndex] ?? null)}</td> : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("evaluation.total")}</th>
          {table.columnTotals.map((value, index) => (
            <td key={table.columns[index]}>{show(value)}</td>
          ))}
          {withTotals ? <td>{show(table.total)}</td> : null}
        </tr>
      </tfoot>
    </table>
  );
}
