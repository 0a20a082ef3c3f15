import { AxisBottom, AxisLeft } from "@visx/axis";
import { GlyphCircle, GlyphCross, GlyphStar } from "@visx/glyph";
import { Group } from "@visx/group";
import { scaleLog, scaleSymlog } from "@visx/scale";
import { Line } from "@visx/shape";
import { costTick, latencyTick, type TradeoffChartData } from "../tradeoff-chart";

/**
 * Each strategy's p99 latency against its monthly cost (visx, SVG): the budgets as dashed
 * lines, ruled-out strategies as grey crosses, the recommended one as a star, the approved one
 * ringed, every mark labelled, so nothing is told by colour alone. A title, a description for
 * screen readers and the figures as a table (under "Show the figures") go with it. No state:
 * the decision page renders it on the server (no JavaScript); the live recommendation in the
 * browser, `small`.
 */
export function TradeoffChart({
  data,
  id,
  small = false,
  title = "Latency against monthly cost",
}: {
  data: TradeoffChartData;
  /** Prefix of the ids its title and description get (unique on the page). */
  id: string;
  small?: boolean;
  title?: string;
}) {
  const width = small ? 340 : 640;
  const height = small ? 230 : 360;
  const margin = small ? { top: 12, right: 16, bottom: 38, left: 56 } : { top: 16, right: 24, bottom: 46, left: 72 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleSymlog<number>({ domain: data.costDomain, range: [0, innerWidth], constant: 1 });
  const y = scaleLog<number>({ domain: data.latencyDomain, range: [innerHeight, 0] });
  const thin = <T,>(ticks: T[]) => (small && ticks.length > 5 ? ticks.filter((_, i) => i % 2 === 0) : ticks);
  const font = small ? 10 : 11;
  const mark = small ? 70 : 110;

  return (
    <figure className="space-y-2" aria-label={title} data-testid={small ? "tradeoff-chart-small" : "tradeoff-chart"}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-full"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{data.description}</desc>
        <Group left={margin.left} top={margin.top}>
          {data.latencyBudget ? (
            <g data-testid="latency-budget-line">
              <Line
                from={{ x: 0, y: y(data.latencyBudget.value) }}
                to={{ x: innerWidth, y: y(data.latencyBudget.value) }}
                stroke="#b45309"
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
              <text x={innerWidth - 4} y={y(data.latencyBudget.value) - 5} textAnchor="end" fontSize={font} fill="#92400e">
                {data.latencyBudget.text}
              </text>
            </g>
          ) : null}
          {data.monthlyBudget ? (
            <g data-testid="monthly-budget-line">
              <Line
                from={{ x: x(data.monthlyBudget.value), y: 0 }}
                to={{ x: x(data.monthlyBudget.value), y: innerHeight }}
                stroke="#b45309"
                strokeWidth={1.5}
                strokeDasharray="2 3"
              />
              <text x={x(data.monthlyBudget.value) + 4} y={font + 2} fontSize={font} fill="#92400e">
                {data.monthlyBudget.text}
              </text>
            </g>
          ) : null}
          <AxisLeft
            scale={y}
            tickValues={thin(data.latencyTicks)}
            tickFormat={(v) => latencyTick(Number(v))}
            stroke="#94a3b8"
            tickStroke="#94a3b8"
            tickLabelProps={{ fill: "#334155", fontSize: font, textAnchor: "end", dx: -2, dy: 3 }}
            label="p99 latency (log)"
            labelProps={{ fill: "#334155", fontSize: font, textAnchor: "middle" }}
            labelOffset={small ? 30 : 40}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickValues={thin(data.costTicks)}
            tickFormat={(v) => costTick(Number(v))}
            stroke="#94a3b8"
            tickStroke="#94a3b8"
            tickLabelProps={{ fill: "#334155", fontSize: font, textAnchor: "middle" }}
            label="Monthly cost (log)"
            labelProps={{ fill: "#334155", fontSize: font, textAnchor: "middle" }}
            labelOffset={small ? 8 : 12}
          />
          {data.plotted.map((p) => {
            const cx = x(p.monthlyUsd!);
            const cy = y(p.p99Ms!);
            const fill = !p.feasible ? "#64748b" : p.recommended ? "#3a55e0" : "#0f766e";
            return (
              <g key={p.strategy} data-testid="tradeoff-point" data-strategy={p.strategy} data-feasible={String(p.feasible)}>
                {p.approved ? <circle cx={cx} cy={cy} r={small ? 9 : 12} fill="none" stroke="#047857" strokeWidth={2} /> : null}
                {!p.feasible ? (
                  <GlyphCross left={cx} top={cy} size={mark} fill={fill} transform="rotate(45)" />
                ) : p.recommended ? (
                  <GlyphStar left={cx} top={cy} size={mark * 1.6} fill={fill} />
                ) : (
                  <GlyphCircle left={cx} top={cy} size={mark} fill={fill} />
                )}
                <text x={cx + (small ? 8 : 11)} y={cy - (small ? 5 : 7)} fontSize={font} fill={p.feasible ? "#0f172a" : "#475569"}>
                  {p.label}
                  {!p.feasible ? " (ruled out)" : ""}
                  {p.approved ? " · approved" : ""}
                </text>
              </g>
            );
          })}
        </Group>
      </svg>
      <figcaption className="text-xs text-slate-600">
        <span className="flex flex-wrap gap-x-4 gap-y-1" aria-hidden="true">
          <span>★ recommended</span>
          <span>◯ ringed: approved</span>
          <span>● feasible</span>
          <span>✕ ruled out</span>
          <span>- - budget</span>
        </span>
        {data.unplotted.length > 0 ? (
          <span className="mt-1 block">Not drawn (a figure is unknown): {data.unplotted.map((p) => `${p.label} (${p.latencyText}, ${p.costText})`).join("; ")}.</span>
        ) : null}
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer rounded text-xs font-medium text-brand-700 hover:underline">Show the figures as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-xs">
            <caption className="sr-only">{title}: the figures</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-semibold">Strategy</th>
                <th scope="col" className="py-1 pr-3 font-semibold">p99 latency</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Cost a month</th>
                <th scope="col" className="py-1 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.points.map((p) => (
                <tr key={p.strategy}>
                  <th scope="row" className="py-1 pr-3 font-medium text-slate-900">{p.label}</th>
                  <td className="py-1 pr-3 tabular-nums">{p.p99Ms === null ? "unknown" : p.latencyText.replace(/^p99 /, "")}</td>
                  <td className="py-1 pr-3 tabular-nums">{p.monthlyUsd === null ? "unknown" : p.costText.replace(/ a month$/, "")}</td>
                  <td className="py-1 text-slate-700">
                    {[p.approved ? "Approved" : null, p.recommended ? "Recommended" : null, p.feasible ? "Feasible" : `Ruled out: ${p.blockedBy.join(" ")}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
