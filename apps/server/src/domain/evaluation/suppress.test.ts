import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CountTable,
  type SuppressedTable,
  suppressFigure,
  suppressTable,
} from "./suppress.ts";

/** Random tables of 1 to 6 rows and columns, with many small counts and zeros. */
const tables = fc
  .record({ height: fc.integer({ min: 1, max: 6 }), width: fc.integer({ min: 1, max: 6 }) })
  .chain(({ height, width }) =>
    fc
      .array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.nat(40)), {
          minLength: width,
          maxLength: width,
        }),
        { minLength: height, maxLength: height },
      )
      .map(
        (cells): CountTable => ({
          rows: cells.map((_, index) => `r${index}`),
          columns: Array.from({ length: width }, (_, index) => `c${index}`),
          cells,
        }),
      ),
  );
const thresholds = fc.integer({ min: 2, max: 10 });

/** The published table with its margins, as a reader sees it: null where withheld. */
function extendedOf(published: SuppressedTable): (number | null)[][] {
  return [
    ...published.cells.map((row, index) => [...row, published.rowTotals[index] ?? null]),
    [...published.columnTotals, published.total],
  ];
}

function extendedTruth(table: CountTable): number[][] {
  const body = table.cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = (table.columns.length ?? 0) + 1;
  return [
    ...body,
    Array.from({ length: width }, (_, column) =>
      body.reduce((sum, row) => sum + (row[column] ?? 0), 0),
    ),
  ];
}

/** Every row and column of the extended table: its positions, the last one its total. */
function linesOf(height: number, width: number): [number, number][][] {
  const lines: [number, number][][] = [];
  for (let row = 0; row < height; row += 1) {
    lines.push(Array.from({ length: width }, (_, column) => [row, column]));
  }
  for (let column = 0; column < width; column += 1) {
    lines.push(Array.from({ length: height }, (_, row) => [row, column]));
  }
  return lines;
}

/**
 * A reader subtracting: wherever a line has one unknown entry, it is computed from the
 * others, and what is learnt is used again in the crossing lines, until nothing changes.
 */
function recoverBySubtraction(published: SuppressedTable): (number | null)[][] {
  const known = extendedOf(published);
  const height = known.length;
  const width = known[0]?.length ?? 0;
  let learnt = true;
  while (learnt) {
    learnt = false;
    for (const line of linesOf(height, width)) {
      const unknown = line.filter(([row, column]) => known[row]?.[column] === null);
      if (unknown.length !== 1) continue;
      const [[row, column]] = unknown as [[number, number]];
      const total = line[line.length - 1] as [number, number];
      const sumOfOthers = line
        .slice(0, -1)
        .filter(([r, c]) => r !== row || c !== column)
        .reduce((sum, [r, c]) => sum + (known[r]?.[c] ?? 0), 0);
      const value =
        row === total[0] && column === total[1]
          ? sumOfOthers
          : (known[total[0]]?.[total[1]] ?? 0) - sumOfOthers;
      (known[row] as (number | null)[])[column] = value;
      learnt = true;
    }
  }
  return known;
}

/**
 * Whether a withheld entry is fixed by all line equations together (any combination of
 * rows and columns): it is, exactly when its unit vector lies in the row space of the
 * equations over the unknown entries, i.e. adding it does not raise the rank.
 */
function determinedEntries(published: SuppressedTable): [number, number][] {
  const known = extendedOf(published);
  const height = known.length;
  const width = known[0]?.length ?? 0;
  const unknowns: [number, number][] = [];
  known.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) unknowns.push([r, c]);
    });
  });
  const indexOf = (r: number, c: number) => unknowns.findIndex(([a, b]) => a === r && b === c);
  const equations = linesOf(height, width).map((line) => {
    const coefficients = new Array<number>(unknowns.length).fill(0);
    line.forEach(([r, c], position) => {
      const index = indexOf(r, c);
      if (index >= 0) coefficients[index] = position === line.length - 1 ? -1 : 1;
    });
    return coefficients;
  });
  const base = rank(equations);
  return unknowns.filter((_, index) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[index] = 1;
    return rank([...equations, unit]) === base;
  });
}

function rank(matrix: number[][]): number {
  const rows = matrix.map((row) => [...row]);
  const width = rows[0]?.length ?? 0;
  let found = 0;
  for (let column = 0; column < width && found < rows.length; column += 1) {
    const pivot = rows.findIndex(
      (row, index) => index >= found && Math.abs(row[column] ?? 0) > 1e-9,
    );
    if (pivot < 0) continue;
    [rows[found], rows[pivot]] = [rows[pivot] as number[], rows[found] as number[]];
    const lead = rows[found] as number[];
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index] as number[];
      if (index === found || Math.abs(row[column] ?? 0) < 1e-9) continue;
      const factor = (row[column] ?? 0) / (lead[column] ?? 1);
      for (let c = 0; c < width; c += 1) row[c] = (row[c] ?? 0) - factor * (lead[c] ?? 0);
    }
    found += 1;
  }
  return found;
}

describe("small-count protection of count tables", () => {
  it("publishes no count above zero and below k, totals included", () => {
    fc.assert(
      fc.property(tables, thresholds, (table, k) => {
        for (const line of extendedOf(suppressTable(table, k))) {
          for (const value of line) {
            if (value !== null) expect(value === 0 || value >= k).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("publishes every value it shows unchanged", () => {
    fc.assert(
      fc.property(tables, thresholds, (table, k) => {
        const truth = extendedTruth(table);
        extendedOf(suppressTable(table, k)).forEach((line, row) => {
          line.forEach((value, column) => {
            if (value !== null) expect(value).toBe(truth[row]?.[column]);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("leaves no withheld entry that subtraction along rows and columns recovers", () => {
    fc.assert(
      fc.property(tables, thresholds, (table, k) => {
        const published = suppressTable(table, k);
        const recovered = recoverBySubtraction(published);
        const before = extendedOf(published);
        recovered.forEach((line, row) => {
          line.forEach((value, column) => {
            if (before[row]?.[column] === null) expect(value).toBeNull();
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it("leaves no withheld entry fixed by any combination of row and column equations", () => {
    fc.assert(
      fc.property(tables, thresholds, (table, k) => {
        expect(determinedEntries(suppressTable(table, k))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same answer for the same table every time", () => {
    fc.assert(
      fc.property(tables, thresholds, (table, k) => {
        expect(suppressTable(table, k)).toEqual(suppressTable(structuredClone(table), k));
      }),
      { numRuns: 200 },
    );
  });

  it("withholds a second cell where one small cell would follow from its row total", () => {
    const published = suppressTable(
      {
        rows: ["a", "b"],
        columns: ["x", "y", "z"],
        cells: [
          [3, 10, 20],
          [8, 9, 30],
        ],
      },
      5,
    );
    expect(published.cells[0]).toEqual([null, null, 20]);
    // The column of the 3 has one more withheld cell, so the 8 below it goes too, and then
    // the 9 beside it keeps the second row from giving the 8 away.
    expect(published.cells[1]).toEqual([null, null, 30]);
    expect(published.rowTotals).toEqual([33, 47]);
    expect(published.total).toBe(80);
  });

  it("publishes zeros and withholds nothing in a table without small counts", () => {
    const published = suppressTable(
      {
        rows: ["a", "b"],
        columns: ["x", "y"],
        cells: [
          [0, 12],
          [7, 0],
        ],
      },
      5,
    );
    expect(published.cells).toEqual([
      [0, 12],
      [7, 0],
    ]);
    expect(published.total).toBe(19);
  });

  it("withholds a median or rate that rests on fewer than k items", () => {
    expect(suppressFigure(12, 4, 5)).toEqual({ value: null, basedOn: null });
    expect(suppressFigure(12, 5, 5)).toEqual({ value: 12, basedOn: 5 });
    expect(suppressFigure(null, 0, 5)).toEqual({ value: null, basedOn: 0 });
  });
});
