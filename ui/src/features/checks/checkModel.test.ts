import { describe, expect, it } from 'vitest';
import { check, orthostatic } from '../../test/fakeIpc';
import { emptyValues, formField, fromCheck, heartRateText, numberErrors, resultText, toCheckInput } from './checkModel';

describe('the check form model', () => {
  it('sends nulls for what was left empty, and no vitals or CADSS when none were typed', () => {
    const input = toCheckInput({ ...emptyValues(), symptomGrade: '0' }, 7);
    expect(input).toMatchObject({
      sessionId: 7,
      symptomGrade: 0,
      symptoms: [],
      orthostatic: null,
      vitals: null,
      cadss: null,
      gait: null,
    });
  });

  it('lists symptoms in the record order, whatever order they were ticked in', () => {
    const v = { ...emptyValues(), symptomGrade: '2', symptoms: ['near_faint', 'lightheaded'] };
    expect(toCheckInput(v, 1).symptoms).toEqual(['lightheaded', 'near_faint']);
  });

  it('sends only the readings of the method chosen, and a decimal comma as a point', () => {
    const v = {
      ...emptyValues(),
      method: 'lie_to_stand' as const,
      baselineSystolic: '130',
      standingSystolic: '100',
      standing1Systolic: '110',
      temperatureC: '36,8',
    };
    const input = toCheckInput(v, 1);
    expect(input.orthostatic).toMatchObject({ baselineSystolic: 130, standingSystolic: null, standing1Systolic: 110 });
    expect(input.vitals?.temperatureC).toBe(36.8);
  });

  it('refuses text that is not a number, in form order', () => {
    const v = { ...emptyValues(), method: 'sit_to_stand' as const, standingSystolic: 'x', heartRate: '7o' };
    expect(Object.keys(numberErrors(v))).toEqual(['orthostatic.standingSystolic', 'vitals.heartRate']);
  });

  it('fills the form from a stored check and sends it back unchanged', () => {
    const stored = check(3, 10, {
      symptomGrade: 1,
      symptoms: ['spinning'],
      vitals: { bp: { systolic: 140, diastolic: 85 }, heartRate: 70, spo2: 95, oxygen: 'oxygen', respiratoryRate: 14, temperatureC: 36.6 },
      moaas: 4,
      cadss: { items: [0, 1, 2, 0, 0, 0], total: 3 },
      orthostatic: orthostatic('not_done', {}, { notDoneReason: 'Sedated' }),
    });
    const input = toCheckInput(fromCheck(stored), 3);
    expect(input).toMatchObject({
      symptomGrade: 1,
      symptoms: ['spinning'],
      vitals: { systolic: 140, diastolic: 85, heartRate: 70, spo2: 95, oxygen: 'oxygen', respiratoryRate: 14, temperatureC: 36.6 },
      moaas: 4,
      cadss: [0, 1, 2, 0, 0, 0],
      orthostatic: { method: 'not_done', notDoneReason: 'Sedated' },
    });
    expect(input.observedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('places backend fields on the form', () => {
    expect(formField('check.vitals.systolic')).toBe('vitals.systolic');
    expect(formField('symptoms.2')).toBe('symptoms');
    expect(formField('cadss')).toBe('cadss.0');
    expect(formField('cadss.3')).toBe('cadss.3');
  });

  it('words the orthostatic verdict', () => {
    expect(resultText({ outcome: 'positive', reasons: ['systolic fell 16 mmHg (≥ 15)'], heartRate: null })).toBe(
      'Positive: systolic fell 16 mmHg (≥ 15)',
    );
    expect(resultText({ outcome: 'not_done', reasons: ['not done'], heartRate: null })).toBe('Not done');
    expect(resultText({ outcome: 'negative', reasons: [], heartRate: null })).toBe('Negative');
  });

  it('words the heart-rate change on standing, flagged at the threshold', () => {
    expect(heartRateText({ rise: 34, flagAt: 30, flagged: true })).toBe(
      'Heart rate rose 34 bpm on standing (flag at 30): flagged',
    );
    expect(heartRateText({ rise: 29, flagAt: 30, flagged: false })).toBe('Heart rate rose 29 bpm on standing (flag at 30)');
    expect(heartRateText({ rise: -4, flagAt: 30, flagged: false })).toBe('Heart rate fell 4 bpm on standing (flag at 30)');
    expect(heartRateText({ rise: 0, flagAt: 25, flagged: false })).toBe('Heart rate did not change on standing (flag at 25)');
  });

  it('sends the heart rates of the method chosen and fills them back from a stored check', () => {
    const v = {
      ...emptyValues(),
      method: 'lie_to_stand' as const,
      baselineHeartRate: '68',
      standingHeartRate: '120',
      standing1HeartRate: '90',
      standing3HeartRate: '9x',
    };
    expect(toCheckInput(v, 1).orthostatic).toMatchObject({
      baselineHeartRate: 68,
      standingHeartRate: null,
      standing1HeartRate: 90,
      standing3HeartRate: null,
    });
    expect(Object.keys(numberErrors(v))).toEqual(['orthostatic.standing3HeartRate']);
    const sit = { ...emptyValues(), method: 'sit_to_stand' as const, baselineHeartRate: '70', standingHeartRate: '104' };
    const input = toCheckInput(sit, 1).orthostatic;
    expect(input).toMatchObject({ baselineHeartRate: 70, standingHeartRate: 104, standing1HeartRate: null });
    const stored = check(3, 10, {
      orthostatic: orthostatic(
        'sit_to_stand',
        { baselineSystolic: 120, baselineDiastolic: 80, standingSystolic: 118, standingDiastolic: 78, baselineHeartRate: 70, standingHeartRate: 104 },
        { hrRiseFlagAt: 30 },
      ),
    });
    const back = fromCheck(stored);
    expect([back.baselineHeartRate, back.standingHeartRate, back.standing1HeartRate]).toEqual(['70', '104', '']);
  });
});
