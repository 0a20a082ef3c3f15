import type { Answers, Assessment } from "~/engine";
import { AnswersList } from "./answers-list";
import { ConstraintsList } from "./constraints-list";
import { EstimatesSection } from "./estimates-section";
import { FlipsList } from "./flips-list";
import { Panel } from "./panel";
import { RankingChart } from "./ranking-chart";
import { RecommendationSummary } from "./recommendation-summary";
import { TradeoffChart } from "./tradeoff-chart";
import { TradeoffsTable } from "./tradeoffs-table";
import { tradeoffChartData } from "../tradeoff-chart";
import { WarningsList } from "./warnings-list";

/** A stored decision, readable without the form: the recommendation and everything behind it. */
export function DecisionView({ assessment, answers, approvedStrategy = null }: { assessment: Assessment; answers: Answers; approvedStrategy?: string | null }) {
  return (
    <div className="space-y-6">
      <Panel id="recommendation" title="Recommendation">
        <RecommendationSummary assessment={assessment} />
      </Panel>
      <Panel
        id="tradeoff-chart"
        title="Trade-offs at a glance"
        description="Each strategy's p99 latency against its monthly cost, with your budgets as dashed lines: the lower left is fast and cheap."
      >
        <TradeoffChart id="decision-tradeoffs" data={tradeoffChartData(assessment, answers, approvedStrategy)} />
      </Panel>
      <Panel id="ranking" title="Ranking" description="Every strategy starts at 50; each answer adds or removes points. Open a strategy to see how its score adds up.">
        <RankingChart ranking={assessment.ranking} />
      </Panel>
      <Panel id="flips" title="What would change the recommendation">
        <FlipsList flips={assessment.flips} computed={assessment.flipsComputed} />
      </Panel>
      <Panel id="warnings" title="Warnings and unknowns">
        <WarningsList warnings={assessment.warnings} unknownFields={assessment.unknownFields} />
      </Panel>
      <Panel
        id="constraints"
        title="Rules that fired"
        description="Hard rules rule a strategy out and cannot be overridden; soft rules cost points; advisory rules inform."
      >
        <ConstraintsList constraints={assessment.constraints} />
      </Panel>
      <Panel id="tradeoffs" title="Trade-offs">
        <TradeoffsTable tradeoffs={assessment.tradeoffs} />
      </Panel>
      <Panel id="estimates" title="Estimates and their inputs" description="For comparing strategies, not for invoicing: prices are list prices unless overridden.">
        <EstimatesSection estimates={assessment.estimates} />
      </Panel>
      <Panel id="answers" title="Answers">
        <AnswersList answers={answers} />
      </Panel>
    </div>
  );
}
