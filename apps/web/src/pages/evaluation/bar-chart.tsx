import "chartist/dist/index.css";
import "./evaluation.css";
import { BarChart as ChartistBar } from "chartist";
import { useEffect, useRef } from "react";

export interface BarSeries {
  name: string;
  /** null where the count is withheld: the bar is left out, the table says why. */
  values: (number | null)[];
}

/**
 * A bar chart as SVG (Chartist). The picture is one image to assistive technology:
 * its name says what it shows, its description points to the table beside it, which
 * holds the same numbers for reading.
 */
export function BarChart({
  label,
  description,
  labels,
  series,
  stacked = false,
  horizontal = false,
}: {
  label: string;
  description: string;
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  // Drawn again only when the numbers change, not on every render of the page.
  const data = JSON.stringify({
    labels,
    series: series.map((entry) => ({ name: entry.name, data: entry.values })),
  });
  const height = horizontal ? Math.max(160, labels.length * 40 + 40) : 240;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = new ChartistBar(element, JSON.parse(data), {
      stackBars: stacked,
      horizontalBars: horizontal,
      height,
      axisX: { onlyInteger: true },
      axisY: { onlyInteger: true, offset: horizontal ? 160 : 40 },
      chartPadding: { top: 16, right: 24, bottom: 8, left: 8 },
    });
    chart.on("created", () => {
      const svg = element.querySelector("svg");
      if (!svg) return;
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", label);
      let desc = svg.querySelector("desc");
      if (!desc) {
        desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
        svg.prepend(desc);
      }
      desc.textContent = description;
    });
    return () => {
      chart.detach();
    };
  }, [label, description, data, stacked, horizontal, height]);
  return <div ref={container} className="evaluation-chart" />;
}
