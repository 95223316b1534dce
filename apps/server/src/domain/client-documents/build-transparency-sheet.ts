import type { TClientBlock, TClientDocument } from "@runder-tisch/contracts";
import type { ClientLanguage, LegalBasisKind } from "@runder-tisch/contracts/vocabulary";
import { createTranslator, type Translator } from "./translator.ts";

/** One active basis on which another agency may see the case. */
export interface TransparencyBasis {
  agencyName: string;
  kind: LegalBasisKind;
  consentGivenOn: string | null;
  statuteNorm: string | null;
  purpose: string;
  validUntil: string | null;
}

export interface TransparencyFacts {
  caseCode: string;
  ownerAgency: string;
  bases: TransparencyBasis[];
}

/**
 * Which agencies may see the case, on which basis, for what and until when;
 * how to take consent back and whom to ask for a correction (the owning
 * agency). Purposes stay in the German they were recorded in, marked so.
 */
export function buildTransparencySheet(
  facts: TransparencyFacts,
  language: ClientLanguage,
): TClientDocument {
  const say = createTranslator(language);
  const blocks: TClientBlock[] = [
    { type: "notice", text: say.t("sheet.notice") },
    { type: "paragraph", text: say.t("sheet.intro") },
    {
      type: "facts",
      rows: [{ label: say.t("goal.case_number"), value: say.name(facts.caseCode) }],
    },
    { type: "heading", text: say.t("sheet.owner") },
    { type: "paragraph", text: say.t("sheet.owner_text", { agency: facts.ownerAgency }) },
    { type: "heading", text: say.t("sheet.agencies") },
  ];
  if (facts.bases.length === 0)
    blocks.push({ type: "paragraph", text: say.t("sheet.no_agencies") });
  for (const basis of facts.bases) {
    blocks.push({
      type: "facts",
      title: say.name(basis.agencyName),
      rows: [
        { label: say.t("sheet.why"), value: basisText(say, basis) },
        { label: say.t("sheet.purpose"), value: say.german(basis.purpose) },
        { label: say.t("sheet.until"), value: untilText(say, basis) },
      ],
    });
  }
  const byConsent = facts.bases.some((basis) => basis.kind === "consent");
  const byStatute = facts.bases.some((basis) => basis.kind === "statute");
  if (byConsent || facts.bases.length === 0) {
    blocks.push(
      { type: "heading", text: say.t("sheet.revoke") },
      { type: "paragraph", text: say.t("sheet.revoke_text", { agency: facts.ownerAgency }) },
    );
  }
  if (byStatute) blocks.push({ type: "paragraph", text: say.t("sheet.revoke_statute") });
  blocks.push(
    { type: "heading", text: say.t("sheet.correct") },
    { type: "paragraph", text: say.t("sheet.correct_text", { agency: facts.ownerAgency }) },
  );
  return {
    kind: "transparency_sheet",
    lang: language,
    dir: say.dir,
    title: say.t("sheet.title"),
    blocks,
  };
}

function basisText(say: Translator, basis: TransparencyBasis) {
  if (basis.kind === "statute") return say.t("sheet.statute", { norm: basis.statuteNorm ?? "–" });
  return basis.consentGivenOn
    ? say.t("sheet.consent", { date: { day: basis.consentGivenOn } })
    : say.t("sheet.consent_undated");
}

function untilText(say: Translator, basis: TransparencyBasis) {
  if (basis.validUntil) return say.date(basis.validUntil);
  return say.t(basis.kind === "consent" ? "sheet.until_revoked" : "sheet.until_task");
}
