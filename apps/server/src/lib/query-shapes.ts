import type { Executor } from "@runder-tisch/db";

/** Statement names must differ per query text in one connection; a counter keeps them apart. */
let prepared = 0;

/**
 * Queries of a hot read built once per database and shape (which filters are on), as
 * drizzle prepared queries with placeholders for the values: building a query with its
 * access conditions costs more of the server's time than the database needs to answer
 * it. The shapes are few (the filters a page offers); past `maxShapes` a caller builds
 * its queries afresh each time, so odd combinations cannot grow the map.
 */
export class QueryShapes<Prepared> {
  private readonly byDatabase = new WeakMap<Executor, Map<string, Prepared>>();

  constructor(
    private readonly name: string,
    private readonly maxShapes = 200,
  ) {}

  /** `prepare` gets a function that names each of its statements uniquely. */
  get(
    db: Executor,
    shape: readonly unknown[],
    prepare: (statementName: (part: string) => string) => Prepared,
  ): Prepared | null {
    let byShape = this.byDatabase.get(db);
    if (byShape === undefined) {
      byShape = new Map();
      this.byDatabase.set(db, byShape);
    }
    const key = JSON.stringify(shape);
    let queries = byShape.get(key);
    if (queries === undefined && byShape.size < this.maxShapes) {
      prepared += 1;
      const number = prepared;
      queries = prepare((part) => `${this.name}_${part}_${number}`);
      byShape.set(key, queries);
    }
    return queries ?? null;
  }
}
