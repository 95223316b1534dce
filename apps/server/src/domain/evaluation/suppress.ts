/*
 * Small-count protection for every table of counts that leaves the server
 * (docs/evaluation.md). A count of people or of things about them that is below k
 * could point back to one person, so it is withheld (primary suppression). Because
 * tables are published with their row and column totals, one withheld cell in a
 * line whose total is known could be worked out by subtraction; so in every line
 * with a withheld entry a second entry is withheld as well (secondary or
 * complementary suppression), repeated until no line has exactly one.
 *
 * The table is seen with its margins: row totals as a last column, column totals as a
 * last row and the grand total in the corner. Every row and every column of that
 * extended table is one line: its cells add up to its last entry. Totals are counts
 * too, so a total below k is withheld like a cell.
 *
 * Zeros are published: a zero counts nobody, so it cannot point to a person, and
 * withholding zeros would hide most of a sparse table without protecting anyone. A
 * zero is never chosen as the second withheld entry of a line, since a reader who
 * guessed it is zero would learn the first one exactly.
 */

/** A table of counts: `cells[row][column]`, every row as long as `columns`. */
export interface CountTable {
  rows: readonly string[];
  columns: readonly string[];
  cells: readonly (readonly number[])[];
}

/** One published entry: its value, or null when it is withheld. */
export type PublishedCount = number | null;

export interface SuppressedTable {
  rows: string[];
  columns: string[];
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

/** True when a count must be withheld on its own: above zero and below k. */
export const isSmallCount = (value: number, k: number): boolean => value > 0 && value < k;

/**
 * The table as it may be published with threshold k. Pure and deterministic: the same
 * table and k always give the same answer (ties between equal candidates go to the
 * first in reading order).
 */
export function suppressTable(table: CountTable, k: number): SuppressedTable {
  if (!Number.isInteger(k) || k < 1) throw new RangeError("k must be a positive whole number");
  const height = table.rows.length;
  const width = table.columns.length;
  const extended = extend(table);
  const hidden = extended.map((line) => line.map((value) => isSmallCount(value, k)));

  // Each line is a list of [row, column] positions; its last position holds its total.
  const lines: [number, number][][] = [];
  for (let row = 0; row <= height; row += 1) {
    lines.push(Array.from({ length: width + 1 }, (_, column) => [row, column]));
  }
  for (let column = 0; column <= width; column += 1) {
    lines.push(Array.from({ length: height + 1 }, (_, row) => [row, column]));
  }

  const hide = ([row, column]: [number, number]) => {
    (hidden[row] as boolean[])[column] = true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const withheld = line.filter(([row, column]) => hidden[row]?.[column]);
      if (withheld.length !== 1) continue;
      const partner = chooseComplement(line, extended, hidden);
      // A line holding one non-zero withheld entry always has another non-zero one.
      if (!partner) throw new Error("no complement in a line with a withheld entry");
      hide(partner);
      changed = true;
    }
    if (changed) continue;
    const bridging = chooseCycleCloser(extended, hidden);
    if (bridging) {
      hide(bridging);
      changed = true;
    }
  }

  const publish = (row: number, column: number): PublishedCount =>
    hidden[row]?.[column] ? null : (extended[row]?.[column] ?? 0);
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.rows.map((_, row) => table.columns.map((_, column) => publish(row, column))),
    rowTotals: table.rows.map((_, row) => publish(row, width)),
    columnTotals: table.columns.map((_, column) => publish(height, column)),
    total: publish(height, width),
  };
}

/** The table with its row totals as last column and column totals as last row. */
function extend(table: CountTable): number[][] {
  const width = table.columns.length;
  for (const row of table.cells) {
    if (row.length !== width) throw new RangeError("every row needs one cell per column");
    for (const value of row) {
      if (!Number.isInteger(value) || value < 0) throw new RangeError("counts are whole numbers");
    }
  }
  const body = table.cells.map((row) => [...row, row.reduce((sum, value) => sum + value, 0)]);
  const totals = Array.from({ length: width + 1 }, (_, column) =>
    body.reduce((sum, row) => sum + (row[column] ?? 0), 0),
  );
  return [...body, totals];
}

/**
 * The entry to withhold beside the one withheld entry of a line: the smallest
 * published non-zero cell (least information lost), the line's total only when no
 * cell is left.
 */
function chooseComplement(
  line: [number, number][],
  values: number[][],
  hidden: boolean[][],
): [number, number] | undefined {
  const total = line[line.length - 1];
  const open = line.filter(
    ([row, column]) => !hidden[row]?.[column] && (values[row]?.[column] ?? 0) > 0,
  );
  const cells = open.filter((position) => position !== total);
  const candidates = cells.length > 0 ? cells : open;
  let best: [number, number] | undefined;
  for (const position of candidates) {
    const value = values[position[0]]?.[position[1]] ?? 0;
    if (!best || value < (values[best[0]]?.[best[1]] ?? 0)) best = position;
  }
  return best;
}

/**
 * Two withheld entries in every line are not always enough: when the withheld entries,
 * seen as links between their row and their column, hang together only through one
 * link (a bridge), adding up the lines on one side of it gives that entry exactly.
 * An entry can be moved up and down without changing any published sum only when it
 * lies on a cycle of withheld entries. This finds the first bridge and returns the
 * smallest published entry that closes a cycle through it (non-zero ones first).
 */
function chooseCycleCloser(values: number[][], hidden: boolean[][]): [number, number] | undefined {
  const height = values.length;
  const width = values[0]?.length ?? 0;
  const edges: [number, number][] = [];
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      if (hidden[row]?.[column]) edges.push([row, column]);
    }
  }
  for (const bridge of edges) {
    const rowSide = reachable(edges, bridge, { rows: [bridge[0]], columns: [] });
    if (rowSide.columns.has(bridge[1])) continue;
    const columnSide = reachable(edges, bridge, { rows: [], columns: [bridge[1]] });
    const rank = ([row, column]: [number, number]) => {
      const value = values[row]?.[column] ?? 0;
      return value === 0 ? Number.POSITIVE_INFINITY : value;
    };
    let best: [number, number] | undefined;
    for (let row = 0; row < height; row += 1) {
      for (let column = 0; column < width; column += 1) {
        if (hidden[row]?.[column]) continue;
        // A link between the two sides of the bridge closes a cycle through it.
        const closes =
          (rowSide.rows.has(row) && columnSide.columns.has(column)) ||
          (columnSide.rows.has(row) && rowSide.columns.has(column));
        if (closes && (!best || rank([row, column]) < rank(best))) best = [row, column];
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** The rows and columns linked to a start through withheld entries, leaving one out. */
function reachable(
  edges: [number, number][],
  without: [number, number],
  start: { rows: number[]; columns: number[] },
): { rows: Set<number>; columns: Set<number> } {
  const rows = new Set(start.rows);
  const columns = new Set(start.columns);
  let grew = true;
  while (grew) {
    grew = false;
    for (const edge of edges) {
      if (edge === without) continue;
      const [row, column] = edge;
      if (rows.has(row) !== columns.has(column)) {
        rows.add(row);
        columns.add(column);
        grew = true;
      }
    }
  }
  return { rows, columns };
}

/**
 * A figure computed from several items (a median, a rate): published only when it
 * rests on at least k items, since otherwise it describes a handful of people.
 */
export function suppressFigure(value: number | null, basedOn: number, k: number) {
  const enough = basedOn >= k;
  return {
    value: enough ? value : null,
    basedOn: isSmallCount(basedOn, k) ? null : basedOn,
  };
}
