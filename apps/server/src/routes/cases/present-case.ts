import { SPECIAL_CATEGORY_THEMES, type TCase } from "@runder-tisch/contracts";
import type { CaseAccess, CaseRow } from "../../policies/case-access.ts";

/**
 * Decides what of a case leaves the server for one reading agency: special-category
 * content (and themes that reveal it) only with a basis that covers it.
 */
export function presentCase(
  caseRow: CaseRow,
  ownerAgency: { id: string; name: string },
  access: CaseAccess,
  hasIdentityRecord?: boolean,
): TCase {
  const themes = caseRow.themes.filter(
    (theme) => access.specialCategory || !SPECIAL_CATEGORY_THEMES.includes(theme),
  );
  return {
    id: caseRow.id,
    code: caseRow.code,
    ownerAgency,
    summary: caseRow.summary,
    themes,
    ...(access.specialCategory ? { specialCategoryNote: caseRow.specialCategoryNote } : {}),
    status: caseRow.status,
    closedAt: caseRow.closedAt?.toISOString() ?? null,
    createdAt: caseRow.createdAt.toISOString(),
    updatedAt: caseRow.updatedAt.toISOString(),
    access: {
      isOwner: access.isOwner,
      specialCategory: access.specialCategory,
      ...(access.isOwner && hasIdentityRecord !== undefined ? { hasIdentityRecord } : {}),
    },
  };
}
