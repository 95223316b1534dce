import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import de from "../src/i18n/de.json" with { type: "json" };
import en from "../src/i18n/en.json" with { type: "json" };

const srcDir = fileURLToPath(new URL("../src", import.meta.url));

function keysOf(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    value && typeof value === "object" ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

test("German and English have the same messages, and every literal key used exists", () => {
  const german = new Set(keysOf(de));
  expect(keysOf(en).sort()).toEqual([...german].sort());
  const used = sourceFiles(srcDir).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)].map(
      (match) => match[1],
    ),
  );
  expect(used.filter((key) => key !== undefined && !german.has(key))).toEqual([]);
});
