"use client";

import { useState, type ReactNode } from "react";

/**
 * Shows its children as they were when the questionnaire opened, through the refreshes after each
 * autosave: what the page says about how it opened (the resubmission notice) must not change
 * because the person's own saves changed the draft. A new `key` shows new children.
 */
export function AsOpened({ children }: { children: ReactNode }) {
  const [first] = useState(children);
  return first;
}
