import type { App } from "../src/app.ts";

/** GET /metrics with the bearer token, as Prometheus scrapes it. */
export async function scrapeMetrics(app: App, token: string): Promise<string> {
  const response = await app.inject({
    method: "GET",
    url: "/metrics",
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.statusCode !== 200) throw new Error(`/metrics answered ${response.statusCode}`);
  return response.body;
}

/**
 * The value of one series in the Prometheus text format, named as it is printed:
 * `name` or `name{label="value",...}` with the labels in the printed order.
 */
export function seriesValue(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no ${series} in the metrics`);
  return Number(line.slice(series.length + 1));
}
