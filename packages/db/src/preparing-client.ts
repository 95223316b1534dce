import pg from "pg";

/**
 * How many statements one connection keeps prepared. The app sends a few hundred
 * distinct statements; lists of ids of varying length (`in ($1, $2, ...)`) would add
 * one each, so beyond this they run unprepared rather than grow the server's memory.
 */
export const PREPARED_PER_CONNECTION = 500;

interface QueryConfig {
  text?: unknown;
  name?: unknown;
  values?: unknown;
}

/**
 * A pg client that prepares every parameterised statement once per connection (a named
 * statement) and from then on only binds and executes it.
 * Drizzle sends the same text for the same query shape with the values as parameters,
 * so the inbox or the case list is parsed and planned once per connection instead of
 * on every request; PostgreSQL switches such statements to a generic plan when that
 * plan is as good, and planning was most of the database's time on the hot reads.
 */
export class PreparingClient extends pg.Client {
  /** Statement name by text, for the statements this connection has prepared. */
  private readonly prepared = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; the arguments pass through unchanged.
  override query(...args: any[]): any {
    const [config, values] = args;
    if (isUnnamedStatement(config, values)) {
      let name = this.prepared.get(config.text);
      if (name === undefined && this.prepared.size < PREPARED_PER_CONNECTION) {
        name = `rt_${this.prepared.size + 1}`;
        this.prepared.set(config.text, name);
      }
      if (name !== undefined) args[0] = { ...config, name };
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return (super.query as (...rest: any[]) => any)(...args);
  }
}

/** Drizzle passes `{ text }` and the values beside it; pg also takes them inside. */
function isUnnamedStatement(
  config: unknown,
  values: unknown,
): config is QueryConfig & { text: string } {
  if (typeof config !== "object" || config === null) return false;
  const query = config as QueryConfig;
  const parameters = Array.isArray(values) ? values : query.values;
  // Statements without parameters (begin, commit, set ...) gain nothing from preparing.
  return (
    typeof query.text === "string" &&
    query.name === undefined &&
    Array.isArray(parameters) &&
    parameters.length > 0
  );
}
