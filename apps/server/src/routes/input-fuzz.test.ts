import { beforeAll, describe, expect, it } from "vitest";
import { buildMember, type Member } from "../../test/builders.ts";
import { demoLikeCase } from "../../test/scenarios.ts";
import { useTestApp } from "../../test/test-app.ts";

/*
 * Every body field and query parameter of the OpenAPI document, sent with what a
 * fuzzer or a careless paste brings: NUL and other control characters, half a
 * surrogate pair, text over its limit, dates at the ends of the calendar. Sent by
 * callers who may use the route, with real ids, so bad text reaches the handler and
 * the database if the contract lets it through. The answer is a 4xx with a reason,
 * never a 5xx. The variants are fixed, so a failure reproduces.
 */

const ctx = useTestApp();

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maxItems?: number;
  minItems?: number;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: { name: string; schema: JsonSchema }[];
}

const SAMPLE_DATE = "2026-12-01";
const SAMPLE_INSTANT = "2026-12-01T10:00:00.000Z";

/** A value the schema accepts, or as close as a generic reading of it gets. */
function sample(schema: JsonSchema, ids: Ids): unknown {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sample(variant, ids);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const required = new Set(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([name]) => required.has(name))
          .map(([name, property]) => [name, sampleField(name, property, ids)]),
      );
    }
    case "array":
      return schema.items && (schema.minItems ?? 0) > 0 ? [sample(schema.items, ids)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    default:
      if (schema.format === "date") return SAMPLE_DATE;
      if (schema.format === "date-time") return SAMPLE_INSTANT;
      if (schema.format === "email")
        return `fuzz-${Math.random().toString(36).slice(2)}@test.local`;
      if (schema.format === "uuid") return ids.partnerAgencyId;
      return "x".repeat(Math.max(schema.minLength ?? 1, 12));
  }
}

function sampleField(name: string, schema: JsonSchema, ids: Ids): unknown {
  if (name === "legalBasis") return { kind: "statute", norm: "§ 69 SGB X" };
  return sample(schema, ids);
}

interface Variant {
  field: string;
  value: unknown;
  /** A free-text field given text the contract refuses: the answer must name the character. */
  badText: boolean;
}

// The guard's check reads text as typed into the live document, where a pasted control
// character cannot be refused; it stores nothing and answers about the text as it is.
const ACCEPTS_ANY_TEXT = new Set(["POST /api/pii/check"]);

const FREE_TEXT_VARIANTS: { label: string; value: (max: number) => string; badText: boolean }[] = [
  { label: "NUL", value: () => "vor\u0000nach", badText: true },
  { label: "escape", value: () => "\u001b[31mrot", badText: true },
  { label: "C1 control", value: () => "a\u0085b", badText: true },
  { label: "lone high surrogate", value: () => "x\ud800", badText: true },
  { label: "lone low surrogate", value: () => "\udc00x", badText: true },
  { label: "over the limit", value: (max) => "y".repeat(max + 1), badText: false },
];

const DATE_VARIANTS: Record<string, string[]> = {
  date: ["0000-01-01", "9999-12-31", "1899-12-31"],
  "date-time": ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1899-12-31T23:00:00-01:00"],
};

/** Every string leaf of a body schema, with the path it sits at. */
function stringLeaves(schema: JsonSchema, path: string[] = []): [string[], JsonSchema][] {
  const variant = schema.anyOf?.find((entry) => entry.type !== "null") ?? schema;
  if (variant.type === "object") {
    return Object.entries(variant.properties ?? {}).flatMap(([name, property]) =>
      stringLeaves(property, [...path, name]),
    );
  }
  return variant.type === "string" && !variant.enum ? [[path, variant]] : [];
}

function variantsOf(schema: JsonSchema): { value: unknown; badText: boolean }[] {
  if (schema.format && DATE_VARIANTS[schema.format]) {
    return (DATE_VARIANTS[schema.format] ?? []).map((value) => ({ value, badText: false }));
  }
  if (schema.format || schema.pattern) return [{ value: "\u0000", badText: false }];
  return FREE_TEXT_VARIANTS.map((variant) => ({
    value: variant.value(schema.maxLength ?? 10_000),
    badText: variant.badText,
  }));
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head = "", ...rest] = path;
  const object = (base ?? {}) as Record<string, unknown>;
  return { ...object, [head]: withValue(object[head], rest, value) };
}

function bodyVariants(body: JsonSchema, ids: Ids): Variant[] {
  const base = sample(body, ids);
  return stringLeaves(body).flatMap(([path, leaf]) =>
    variantsOf(leaf).map(({ value, badText }) => ({
      field: path.join("."),
      value: withValue(base, path, value),
      badText,
    })),
  );
}

interface Ids {
  caseId: string;
  conferenceId: string;
  minutesId: string;
  actionId: string;
  commentId: string;
  basisId: string;
  releaseId: string;
  noteId: string;
  pathwayChecklistId: string;
  ownerAgencyId: string;
  partnerAgencyId: string;
  userId: string;
}

function concretePath(path: string, ids: Ids): string {
  const [, , resource] = path.split("/");
  const idOf: Record<string, string> = {
    cases: ids.caseId,
    conferences: ids.conferenceId,
    minutes: ids.minutesId,
    actions: ids.actionId,
    "action-comments": ids.commentId,
    agencies: ids.ownerAgencyId,
    users: ids.userId,
  };
  return (
    path
      .replace("{id}", idOf[resource ?? ""] ?? ids.caseId)
      .replace("{basisId}", ids.basisId)
      .replace("{releaseId}", ids.releaseId)
      .replace("{noteId}", ids.noteId)
      .replace("{actionId}", ids.actionId)
      .replace("{checklistId}", ids.pathwayChecklistId)
      .replace("/themes/{key}", "/themes/mobility")
      .replace("{key}", "bekenntnis-fdgo")
      .replace("{pathwayKey}", "aufenthg-104c")
      .replace("{agencyId}", ids.partnerAgencyId)
      // Any well-formed id: the body is checked before the route looks the topic up.
      .replace("{topicId}", ids.caseId)
  );
}

// One test per caller: each sends every body variant to every route, about a third of the
// whole, so a test's time stays well inside its timeout as routes are added.
const CALLERS = ["case owner", "platform admin", "partner agency"] as const;
type CallerName = (typeof CALLERS)[number];

describe("every input field refuses broken text and impossible dates with a 4xx", () => {
  let operations: Operation[] = [];
  let ids: Ids;
  let callers: Record<CallerName, Member>;

  beforeAll(async () => {
    const document = (await ctx.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: { "application/json"?: { schema?: JsonSchema } } };
            parameters?: { in: string; name: string; schema: JsonSchema }[];
          }
        >
      >;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        body: operation.requestBody?.content?.["application/json"]?.schema,
        query: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === "query")
          .map(({ name, schema }) => ({ name, schema })),
      })),
    );
    const scenario = await demoLikeCase(ctx);
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const releases = (
      await scenario.owner.session.get(`/api/cases/${scenario.caseRow.id}/secrecy-releases`)
    ).json() as { secrecyReleases: { id: string }[] };
    ids = {
      caseId: scenario.caseRow.id,
      conferenceId: scenario.conference.id,
      minutesId: scenario.minutesId,
      actionId: scenario.actionId,
      commentId: scenario.commentId,
      basisId: scenario.abhBasis.id,
      releaseId: releases.secrecyReleases[0]?.id ?? "",
      noteId: scenario.internalNoteId,
      pathwayChecklistId: scenario.pathwayChecklistId,
      ownerAgencyId: scenario.owner.agency.id,
      partnerAgencyId: scenario.abh.agency.id,
      userId: scenario.member.id,
    };
    callers = {
      "case owner": scenario.owner,
      "platform admin": admin,
      "partner agency": scenario.abh,
    };
  });

  it.each(CALLERS)(
    "answers every body variant of every route with a 4xx as the %s, naming refused characters",
    async (name) => {
      const caller = callers[name];
      const served: string[] = [];
      const failures: string[] = [];
      let refusedCharacters = 0;
      let sent = 0;
      for (const operation of operations.filter((entry) => entry.body)) {
        for (const variant of bodyVariants(operation.body as JsonSchema, ids)) {
          sent++;
          const response = await caller.session.request({
            method: operation.method as "POST",
            url: concretePath(operation.path, ids),
            payload: variant.value as Record<string, unknown>,
          });
          const where = `${operation.method} ${operation.path} ${variant.field} as ${caller.user.role}`;
          if (response.statusCode >= 500) failures.push(`${where}: ${response.statusCode}`);
          else if (ACCEPTS_ANY_TEXT.has(`${operation.method} ${operation.path}`)) continue;
          else if (response.statusCode < 400) served.push(`${where}: ${response.statusCode}`);
          else if (variant.badText) {
            const { error } = response.json() as {
              error: { details?: { problems?: { reason: string }[] } };
            };
            const reasons = error.details?.problems ?? [];
            if (reasons.some((problem) => problem.reason === "invalid_character"))
              refusedCharacters++;
            else if (response.statusCode === 400) failures.push(`${where}: 400 without the reason`);
          }
        }
      }
      console.log(
        `input-fuzz as the ${name}: ${sent} bodies to ${operations.filter((entry) => entry.body).length} routes, ` +
          `${refusedCharacters} refused for a character, ${failures.length} wrong answers`,
      );
      expect(failures).toEqual([]);
      expect(served).toEqual([]);
      // Free-text fields of cases, actions, comments, conferences, bases, disputes, users, agencies.
      expect(refusedCharacters).toBeGreaterThan(100);
    },
  );

  it("answers every query variant of every route with a 4xx", async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      for (const { name, schema } of operation.query) {
        const values = schema.type === "string" ? variantsOf(schema) : [{ value: "\u0000" }];
        for (const { value } of values) {
          const url = `${concretePath(operation.path, ids)}?${new URLSearchParams({ [name]: String(value) })}`;
          for (const caller of Object.values(callers)) {
            const response = await caller.session.get(url);
            if (response.statusCode >= 500) {
              failures.push(
                `${operation.method} ${url} as ${caller.user.role}: ${response.statusCode}`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
