import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { hasRole } from "~/lib/roles";
import { requireActor } from "~/server/auth/session";

/**
 * Reviewers only. The check sits in the layout, above the page's loading boundary, so a member
 * gets a real HTTP 404: once a loading state has streamed, the status is already 200.
 */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  if (!hasRole((await requireActor()).role, "REVIEWER")) notFound();
  return children;
}
