import type { Answers, Assessment } from "~/engine";
import { AnswersList } from "./answers-list";
import { ConstraintsList } from "./constraints-list";
import { EstimatesSection } from "./estimates-section";
import { FlipsList } from "./flips-list";
import { Panel } from "./panel";
import { RankingChart } from "./ranking-chart";
import { SectionTabs } from "./section-tabs";
import { TradeoffsTable } from "./tradeoffs-table";
import { WarningsList } from "./warnings-list";

/**
 * Everything behind a stored decision, below its summary (DecisionSummary), in tabs: why the
 * engine ranked the strategies so, what is uncertain, the trade-offs and estimates, the answers.
 */
export function DecisionView({ assessment, answers }: { assessment: Assessment; answers: Answers }) {
  const unknowns = assessment.warnings.length;
  return (
    <SectionTabs
      label="The decision in detail"
      tabs={[
        {
          id: "why",
          label: "Why",
          content: (
            <>
              <Panel id="ranking" title="Ranking" description="Every strategy starts at 50; each answer adds or removes points. Open a strategy to see how its score adds up.">
                <RankingChart ranking={assessment.ranking} />
              </Panel>
              <Panel id="flips" title="What would change the recommendation">
                <FlipsList flips={assessment.flips} computed={assessment.flipsComputed} />
              </Panel>
            </>
          ),
        },
        {
          id: "risks",
          label: unknowns > 0 ? `Warnings and rules (${unknowns})` : "Warnings and rules",
          content: (
            <>
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
            </>
          ),
        },
        {
          id: "estimates",
          label: "Trade-offs and estimates",
          content: (
            <>
              <Panel id="tradeoffs" title="Trade-offs">
                <TradeoffsTable tradeoffs={assessment.tradeoffs} />
              </Panel>
              <Panel id="estimates" title="Estimates and their inputs" description="For comparing strategies, not for invoicing: prices are list prices unless overridden.">
                <EstimatesSection estimates={assessment.estimates} />
              </Panel>
            </>
          ),
        },
        {
          id: "answers",
          label: "Answers",
          content: (
            <Panel id="answers" title="Answers">
              <AnswersList answers={answers} />
            </Panel>
          ),
        },
      ]}
    />
  );
}
