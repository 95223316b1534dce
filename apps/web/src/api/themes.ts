import { ZThemeCatalogue } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The catalogue every form, filter and table of themes reads; the administration's
// changes live in theme-admin.ts, loaded with that page only.

export const fetchThemes = () => apiRequest("/api/themes", { schema: ZThemeCatalogue });
