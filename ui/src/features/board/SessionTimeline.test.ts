// Readiness history in the timeline (issue 11, feature 10): what the board said, at its time,
// recorded by Vigil, with no correction button.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../lib/ipc';
import SessionTimeline from './SessionTimeline.svelte';

const two = (n: number) => String(n).padStart(2, '0');
const clock = (iso: string) => `${two(new Date(iso).getHours())}:${two(new Date(iso).getMinutes())}`;

function readiness(recordId: number, at: string, summary: string): TimelineEntry {
  return {
    key: `readiness-${recordId}`,
    kind: 'readiness',
    recordId,
    at,
    recordedAt: at,
    who: null,
    summary,
    lateReason: null,
    struck: false,
    correctedBy: null,
    corrects: null,
  };
}

describe('readiness entries in the timeline', () => {
  it('say what the board said and when, recorded by Vigil', () => {
    const notReadyAt = '2026-07-01T09:30:00Z';
    const readyAt = '2026-07-01T10:05:00Z';
    render(SessionTimeline, {
      entries: [
        readiness(1, notReadyAt, 'Not ready: Minimum period, Escort'),
        readiness(2, readyAt, 'Became ready'),
      ],
      formOpen: false,
      onCorrect: () => {},
    });
    const items = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [notReady, ready] = items as [HTMLElement, HTMLElement];
    expect(notReady.textContent?.replace(/\s+/g, ' ')).toContain(
      `Not ready: Minimum period, Escort at ${clock(notReadyAt)}`,
    );
    expect(ready.textContent?.replace(/\s+/g, ' ')).toContain(`Became ready at ${clock(readyAt)}`);
    expect(within(ready).getByText('Vigil')).toBeTruthy();
    expect(within(ready).queryByRole('button')).toBeNull();
  });
});
