import { useThemes } from "./use-themes.ts";

/**
 * The fields of action as options of a select, after one empty option (a filter's "all
 * themes" or a form's "please choose"): one list for filters, case forms and obstacles.
 * Filters list every theme of the catalogue; forms (`offeredOnly`) only those on offer,
 * plus `keep`, the theme the edited entry already has, even if switched off since.
 */
export function ThemeOptions({
  emptyLabel,
  offeredOnly = false,
  keep,
}: {
  emptyLabel: string;
  offeredOnly?: boolean;
  keep?: string;
}) {
  const themes = useThemes();
  const listed = offeredOnly
    ? themes.all.filter((theme) => theme.active || theme.key === keep)
    : themes.all;
  return (
    <>
      <option value="">{emptyLabel}</option>
      {listed.map((theme) => (
        <option key={theme.key} value={theme.key}>
          {themes.label(theme.key)}
        </option>
      ))}
    </>
  );
}
