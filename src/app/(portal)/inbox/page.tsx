import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { InboxList } from "~/features/notifications/components/inbox-list";
import { notificationAction, notificationKindLabel } from "~/features/notifications/present";
import { getServerCaller } from "~/trpc/server";

export const metadata = { title: "Inbox" };

export default async function InboxPage() {
  const notifications = await (await getServerCaller()).notification.list();
  return (
    <>
      <PageHeader title="Inbox" description="Reviews of your team's decisions and, for reviewers, new submissions. The latest 50." />
      {notifications.length === 0 ? (
        <EmptyState icon="✉" title="No notifications yet">
          <p>When a reviewer approves, rejects or sends back one of your team&apos;s decisions — or, for reviewers, when a team submits one — a note lands here.</p>
        </EmptyState>
      ) : (
        <InboxList items={notifications.map((n) => ({ ...n, kindLabel: notificationKindLabel(n.kind), action: notificationAction(n.kind, n.link) }))} />
      )}
    </>
  );
}
