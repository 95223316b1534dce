import type { Database, DatabaseHandle } from "@runder-tisch/db";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    database: DatabaseHandle;
  }
}

/** Exposes the database the caller opened; the app never opens or closes it itself. */
export const databasePlugin = fp<{ database: DatabaseHandle }>(
  async (app, { database }) => {
    app.decorate("database", database);
    app.decorate("db", database.db);
  },
  { name: "database" },
);
