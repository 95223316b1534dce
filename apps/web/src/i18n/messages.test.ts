import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ERROR_CODES, ERROR_REASONS } from "@runder-tisch/contracts";
import { describe, expect, test } from "vitest";
import type { ApiErrorCode } from "../api/client.ts";
import deActionPlan from "./de.action-plan.json" with { type: "json" };
import deAdmin from "./de.admin.json" with { type: "json" };
import deCase from "./de.case.json" with { type: "json" };
import deClientDocuments from "./de.client-documents.json" with { type: "json" };
import deCore from "./de.json" with { type: "json" };
import deNotifications from "./de.notifications.json" with { type: "json" };
import dePathways from "./de.pathways.json" with { type: "json" };
import deReferrals from "./de.referrals.json" with { type: "json" };
import deSignIn from "./de.sign-in.json" with { type: "json" };
import deSteering from "./de.steering.json" with { type: "json" };
import deWorkingGroups from "./de.working-groups.json" with { type: "json" };
import enActionPlan from "./en.action-plan.json" with { type: "json" };
import enAdmin from "./en.admin.json" with { type: "json" };
import enCase from "./en.case.json" with { type: "json" };
import enClientDocuments from "./en.client-documents.json" with { type: "json" };
import enCore from "./en.json" with { type: "json" };
import enNotifications from "./en.notifications.json" with { type: "json" };
import enPathways from "./en.pathways.json" with { type: "json" };
import enReferrals from "./en.referrals.json" with { type: "json" };
import enSignIn from "./en.sign-in.json" with { type: "json" };
import enSteering from "./en.steering.json" with { type: "json" };
import enWorkingGroups from "./en.working-groups.json" with { type: "json" };

// Some pages' texts load with those pages; together they are what the app can say.
const de = {
  ...deCore,
  ...deAdmin,
  ...deCase,
  ...deClientDocuments,
  ...deSignIn,
  ...deNotifications,
  ...deReferrals,
  ...dePathways,
  ...deSteering,
  ...deActionPlan,
  ...deWorkingGroups,
};
const en = {
  ...enCore,
  ...enAdmin,
  ...enCase,
  ...enClientDocuments,
  ...enSignIn,
  ...enNotifications,
  ...enReferrals,
  ...enPathways,
  ...enSteering,
  ...enActionPlan,
  ...enWorkingGroups,
};

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
  const sections = [
    deCore,
    deAdmin,
    deCase,
    deSignIn,
    deNotifications,
    deReferrals,
    dePathways,
    deActionPlan,
    deSteering,
    deWorkingGroups,
  ].flatMap((pack) => Object.keys(pack));
  expect(sections.filter((section, index) => sections.indexOf(section) !== index)).toEqual([]);
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
