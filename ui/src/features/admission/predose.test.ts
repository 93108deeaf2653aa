import { describe, expect, it } from 'vitest';
import type { PredoseStanding } from '../../lib/ipc';
import { predoseText } from './predose';
import { formatClock } from '../../lib/time';

const decidedAt = '2026-11-30T09:55:00Z';
const standing = (late: string | null): PredoseStanding => ({
  checkId: 4,
  observedAt: '2026-11-30T09:50:00Z',
  bp: { systolic: 150, diastolic: 95 },
  threshold: { systolic: 140, diastolic: 90 },
  headline: 'Pre-dose BP 150/95 above 140/90',
  decision: {
    id: 1,
    decision: {
      checkId: 4,
      decision: 'proceed',
      prescriber: 'Dr Test Prescriber',
      decidedAt,
      note: '',
      bp: { systolic: 150, diastolic: 95 },
      threshold: { systolic: 140, diastolic: 90 },
    },
    recordedAt: decidedAt,
    who: 'Test Admin, RN',
    late,
  },
});

describe('the pre-dose decision line', () => {
  it('says who decided and when', () => {
    expect(predoseText(standing(null))).toBe(
      `Pre-dose BP 150/95 above 140/90: proceed, decided by Dr Test Prescriber at ${formatClock(decidedAt)}`,
    );
  });

  it('marks a decision made after the dose started, as the papers do', () => {
    expect(predoseText(standing('decided after the dose started'))).toMatch(
      /decided by Dr Test Prescriber at \d\d:\d\d \(decided after the dose started\)$/,
    );
  });
});
