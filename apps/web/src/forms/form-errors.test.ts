import {
  PASSWORD_MIN_LENGTH,
  ZCreateSharingBasisRequest,
  ZCreateUserRequest,
} from "@runder-tisch/contracts";
import { describe, expect, test } from "vitest";
import { ApiError } from "../api/client.ts";
import { fieldErrors, serverFieldErrors } from "./form-errors.ts";
import { placeErrors } from "./use-schema-form.ts";

function checkedBeforeSending(schema: typeof ZCreateUserRequest, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the schema to refuse the input");
  return fieldErrors(parsed.error, input);
}

describe("field errors", () => {
  test("name the same reason and limit as the server for the same rule", () => {
    const input = {
      displayName: "",
      email: "not-an-address",
      role: "member",
      agencyId: "",
      password: "kurz",
    };
    expect(checkedBeforeSending(ZCreateUserRequest, input)).toEqual({
      displayName: { reason: "required" },
      email: { reason: "invalid_email" },
      agencyId: { reason: "invalid_id" },
      password: { reason: "too_short", limit: PASSWORD_MIN_LENGTH },
    });
  });

  test("a missing field is required, a wrong kind of value is not", () => {
    const missing = ZCreateUserRequest.safeParse({});
    expect(missing.success || fieldErrors(missing.error, {}).email).toEqual({
      reason: "required",
    });
    const wrong = { email: 42 };
    const parsed = ZCreateUserRequest.safeParse(wrong);
    expect(parsed.success || fieldErrors(parsed.error, wrong).email).toEqual({
      reason: "invalid_type",
    });
  });

  test("server refusals are keyed like the client's, by the JSON pointer's path", () => {
    const refusal = new ApiError(422, "validation_failed", "refused", "date_in_future", {
      problems: [
        { where: "body", path: "/legalBasis/givenOn", reason: "date_in_future", message: "x" },
        { where: "body", path: "/purpose", reason: "too_long", limit: 500, message: "x" },
      ],
    });
    expect(serverFieldErrors(refusal)).toEqual({
      "legalBasis.givenOn": { reason: "date_in_future" },
      purpose: { reason: "too_long", limit: 500 },
    });
    expect(serverFieldErrors(new Error("offline"))).toEqual({});
  });

  test("land on the draft field of the same path, last name or first name, else below", () => {
    const draft = { purpose: "", givenOn: "", participants: [] };
    const placed = placeErrors(draft, {
      purpose: { reason: "required" },
      "legalBasis.givenOn": { reason: "invalid_date" },
      "participants.0.agencyId": { reason: "invalid_id" },
      form: { reason: "nothing_to_change" },
    });
    expect(placed.fields).toEqual({
      purpose: { reason: "required" },
      givenOn: { reason: "invalid_date" },
      participants: { reason: "invalid_id" },
    });
    expect(placed.other).toEqual({ reason: "nothing_to_change" });
  });

  test("a whole request's nested fields are checked with the server's reasons", () => {
    const input = {
      agencyId: "",
      purpose: "x".repeat(501),
      categories: [],
      legalBasis: { kind: "statute", norm: "", validUntil: null },
    };
    const parsed = ZCreateSharingBasisRequest.safeParse(input);
    expect(parsed.success || fieldErrors(parsed.error, input)).toMatchObject({
      purpose: { reason: "too_long", limit: 500 },
      categories: { reason: "required" },
      "legalBasis.norm": { reason: "required" },
    });
  });
});
