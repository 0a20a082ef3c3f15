import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";

export const metadata = { title: "Decision log" };

export default function DecisionLogPage() {
  return (
    <>
      <PageHeader title="Decision log" description="Every decision you may see: what was recommended, what was approved, by whom and why." />
      <EmptyState icon="≡" title="No decisions recorded yet">
        <p>Approved, rejected and superseded decisions will be searchable and exportable here as CSV or JSON Lines.</p>
      </EmptyState>
    </>
  );
}
