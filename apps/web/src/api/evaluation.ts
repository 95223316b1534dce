import { type TEvaluationQuery, ZEvaluationResponse } from "@runder-tisch/contracts";
import { apiRequest, buildQuery } from "./client.ts";

// The evaluation page alone imports this, so its schema stays in that page's chunk.

export const fetchEvaluation = (query: TEvaluationQuery) =>
  apiRequest("/api/evaluation", { query, schema: ZEvaluationResponse });

/** The same evaluation as a CSV download; a plain link, so the browser saves it. */
export const evaluationCsvHref = (query: TEvaluationQuery) =>
  `/api/evaluation.csv${buildQuery(query)}`;
