// The History part of the in-memory IPC fake (fakeIpc.ts merges it): past sessions a test
// arranges in `ipc.history`, searched as the backend does (every word the start of a word of
// the name or chart number, case and accents ignored; days inclusive; protocol; how they left),
// newest first. Refusals are the backend's own (backendMessages.ts).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { HistoryQuery, HistoryRow, VigilError } from '../lib/ipc';
import { historyFromNotADate, historyToBeforeFrom } from './backendMessages';

export function freshHistory() {
  return {
    /** Every session the search can find. */
    history: [] as HistoryRow[],
    /** The queries sent, in order. */
    historyQueries: [] as HistoryQuery[],
  };
}

type State = ReturnType<typeof freshHistory>;
type Fail = (error: VigilError) => never;

const FOLDS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

function words(text: string): string[] {
  const plain = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœ]/g, (c) => FOLDS[c] ?? c);
  return plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** A `YYYY-MM-DD` day as the local day of an instant. */
function localDay(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function matches(row: HistoryRow, q: HistoryQuery): boolean {
  const have = words(`${row.patientName} ${row.chartNumber ?? ''}`);
  if (!words(q.text).every((w) => have.some((h) => h.startsWith(w)))) return false;
  const day = localDay(row.clockStartedAt);
  if (q.from && day < q.from) return false;
  if (q.to && day > q.to) return false;
  if (q.protocol && row.protocol !== q.protocol) return false;
  if (q.left === 'still_here') return row.how === null;
  return !q.left || row.how === q.left;
}

export function historyFakes(ipc: State, fail: Fail) {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return {
    searchHistory: vi.fn(async (query: HistoryQuery) => {
      ipc.historyQueries.push(structuredClone(query));
      if (query.from && !day.test(query.from)) fail(historyFromNotADate);
      if (query.from && query.to && query.to < query.from) fail(historyToBeforeFrom);
      const found = ipc.history
        .filter((r) => matches(r, query))
        .sort((a, b) => b.clockStartedAt.localeCompare(a.clockStartedAt));
      return { rows: structuredClone(found.slice(0, 200)), more: found.length > 200 };
    }),
  } satisfies Partial<typeof Ipc>;
}
