import { CASE_THEMES, type TCaseTheme, type TTheme } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../api/query-keys.ts";
import { fetchThemes } from "../api/themes.ts";

/** Until the catalogue arrives (or if it cannot), the twelve as the app knows them. */
const DEFAULT_CATALOGUE: TTheme[] = CASE_THEMES.map((key) => ({
  key,
  labels: { de: null, en: null },
  active: true,
  isDefault: true,
}));

export interface Themes {
  /** Every theme of the catalogue, in its order: for filters and tables. */
  all: TTheme[];
  /** Those offered for new cases, obstacles and topics. */
  offered: TTheme[];
  /** A theme's name in the current language; any key, even one the catalogue lacks. */
  label(key: string): string;
}

/**
 * The Kreis's theme catalogue, the one source of theme names in the app: the Kreis's
 * wording in the current language, else the app's own name of a default theme, else
 * the German wording, else the key.
 */
export function useThemes(): Themes {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: queryKeys.themes,
    queryFn: fetchThemes,
    staleTime: 5 * 60_000,
  });
  const all = query.data?.themes ?? DEFAULT_CATALOGUE;
  const byKey = useMemo(() => new Map(all.map((theme) => [theme.key, theme])), [all]);
  const english = i18n.language.startsWith("en");
  const label = useCallback(
    (key: string) => {
      const theme = byKey.get(key as TCaseTheme);
      const own = english ? theme?.labels.en : theme?.labels.de;
      if (own) return own;
      if ((CASE_THEMES as readonly string[]).includes(key)) return t(`theme.${key}`);
      return theme?.labels.de ?? key;
    },
    [byKey, english, t],
  );
  const offered = useMemo(() => all.filter((theme) => theme.active), [all]);
  return { all, offered, label };
}
