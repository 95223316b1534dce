import { createServer } from "node:net";

/**
 * A reason the server cannot start that the person starting it can fix: main.ts prints
 * its message as one line, without a stack trace, and exits with 1.
 */
export class StartupProblem extends Error {
  override readonly name = "StartupProblem";
}

/** Finds a busy port before migrating and seeding, not after. */
export async function ensurePortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(portProblem(error, host, port)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** The words for a port that cannot be used; other errors stay as they are. */
export function portProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === "EADDRINUSE") {
    return new StartupProblem(
      `Port ${port} auf ${host} ist schon belegt (EADDRINUSE). Läuft Runder Tisch bereits? Beenden Sie das andere Programm oder wählen Sie mit PORT=… einen anderen Port.`,
    );
  }
  if (error.code === "EACCES") {
    return new StartupProblem(
      `Port ${port} darf dieses Programm nicht öffnen (EACCES). Wählen Sie mit PORT=… einen Port über 1024.`,
    );
  }
  return error;
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

/** The words for a PostgreSQL server that cannot be used; other errors stay as they are. */
export function databaseProblem(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : "";
  if (typeof code === "string" && UNREACHABLE.has(code)) {
    return new StartupProblem(
      `Die Datenbank aus DATABASE_URL ist nicht erreichbar (${code}). Läuft PostgreSQL, und stimmen Rechner und Port? Ohne DATABASE_URL startet die eingebaute Datenbank.`,
    );
  }
  if (code === "28P01" || code === "28000" || code === "3D000") {
    return new StartupProblem(
      `PostgreSQL lehnt die Anmeldung ab (${code}: ${message}). Prüfen Sie Benutzer, Passwort und Datenbanknamen in DATABASE_URL.`,
    );
  }
  if (/timeout/i.test(message)) {
    return new StartupProblem(
      "Die Datenbank aus DATABASE_URL antwortet nicht (Zeitüberschreitung). Läuft PostgreSQL, und ist der Rechner erreichbar?",
    );
  }
  return error;
}
