import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_CODES, ERROR_REASONS } from "@runder-tisch/contracts";
import { describe, expect, test } from "vitest";
import type { ApiErrorCode } from "../api/client.ts";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

const srcDir = fileURLToPath(new URL("..", import.meta.url));
const languages = { de, en };
/** Codes the client gives errors that never reached the server, or came back garbled. */
const CLIENT_CODES: ApiErrorCode[] = ["network", "unexpected_response"];

function keysOf(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === "object" ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

test("German and English have the same messages, and every literal key used exists", () => {
  // A key with plural forms (`key_one`, `key_other`) is used as `key` with a count.
  const german = new Set(keysOf(de).flatMap((key) => [key, key.replace(/_(one|other)$/, "")]));
  expect(keysOf(en).sort()).toEqual(keysOf(de).sort());
  const used = sourceFiles(srcDir).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)].map(
      (match) => match[1],
    ),
  );
  expect(used.filter((key) => key !== undefined && !german.has(key))).toEqual([]);
});

describe.each(Object.entries(languages))("%s", (_language, messages) => {
  const texts = (section: Record<string, string>, names: readonly string[]) =>
    names.filter((name) => !section[name]?.trim());

  test("puts every error reason into words", () => {
    expect(texts(messages.reasons, ERROR_REASONS)).toEqual([]);
    expect(Object.keys(messages.reasons).sort()).toEqual([...ERROR_REASONS].sort());
  });

  test("puts every error code into words", () => {
    expect(texts(messages.errors, [...ERROR_CODES, ...CLIENT_CODES])).toEqual([]);
  });
});
