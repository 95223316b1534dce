import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Env } from "../env.ts";
import { StartupProblem } from "../startup-problem.ts";
import { IdentityCipher, loadIdentityKey, parseKeyList } from "./identity-crypto.ts";

type KeySettings = Pick<Env, "NODE_ENV" | "DATA_DIR" | "IDENTITY_KEY" | "IDENTITY_KEYS_PREVIOUS">;

const MAKE_A_KEY = "32 zufällige Bytes in Base64 (zum Beispiel aus `openssl rand -base64 32`)";

/**
 * The keyring the server and its command-line tools use: IDENTITY_KEY (or, outside
 * production, the key kept in DATA_DIR/identity.key) plus IDENTITY_KEYS_PREVIOUS.
 * A tool passes `generateMissing: false`: a key it made up could read nothing.
 */
export function loadIdentityCipher(
  env: KeySettings,
  { generateMissing = true }: { generateMissing?: boolean } = {},
): IdentityCipher {
  if (!env.IDENTITY_KEY && env.NODE_ENV === "production") {
    throw new StartupProblem(
      `IDENTITY_KEY fehlt: In Produktion braucht Runder Tisch einen festen Schlüssel für die Identitätsdaten, ${MAKE_A_KEY}.`,
    );
  }
  const keyFile = join(env.DATA_DIR, "identity.key");
  if (!env.IDENTITY_KEY && !generateMissing && !existsSync(keyFile)) {
    throw new StartupProblem(
      `IDENTITY_KEY fehlt, und in ${env.DATA_DIR} liegt keine identity.key: Bitte den Schlüssel angeben, mit dem der Server läuft.`,
    );
  }
  const key = loadIdentityKey(env.IDENTITY_KEY, keyFile);
  if (key.length !== 32) {
    throw new StartupProblem(
      `IDENTITY_KEY hat ${key.length} statt 32 Bytes: Bitte ${MAKE_A_KEY} angeben.`,
    );
  }
  const previous = parseKeyList(env.IDENTITY_KEYS_PREVIOUS);
  const wrong = previous.findIndex((each) => each.length !== 32);
  if (wrong !== -1) {
    throw new StartupProblem(
      `IDENTITY_KEYS_PREVIOUS: Der ${wrong + 1}. Schlüssel hat ${previous[wrong]?.length} statt 32 Bytes. Erwartet werden frühere Werte von IDENTITY_KEY, durch Kommas getrennt.`,
    );
  }
  return new IdentityCipher(key, previous);
}
