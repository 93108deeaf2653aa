// The open alerts in words: the window title and the pinned strip's count (no names).

/** "2 open alerts", "1 open alert". */
export function openAlertsText(count: number): string {
  return `${count} open alert${count === 1 ? '' : 's'}`;
}

/** The window title: "Vigil", or "Vigil – 2 open alerts" while any alert is open. */
export function windowTitle(count: number): string {
  return count > 0 ? `Vigil – ${openAlertsText(count)}` : 'Vigil';
}
