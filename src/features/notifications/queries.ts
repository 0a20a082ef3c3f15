import "server-only";
import type { Actor } from "~/server/actor";
import { db } from "~/server/db";

/** The actor's 50 newest notifications (in-app inbox), newest first. */
export function listNotifications(actor: Actor) {
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
}

/** How many of the actor's notifications are unread (the navigation badge). */
export function countUnreadNotifications(actor: Actor) {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
