// Fictional records for the component tests, each with every field filled and the case's
// changes on top: a stored orthostatic test, an active alert, a patient who left.
import type { ActiveAlert, DepartedRow, Orthostatic, OrthostaticMethod, OrthostaticReadings } from '../lib/ipc';

/** A stored orthostatic test by `method`: every reading empty unless given in `readings`. */
export function orthostatic(
  method: OrthostaticMethod,
  readings: Partial<OrthostaticReadings> = {},
  changes: Partial<Orthostatic> = {},
): Orthostatic {
  const none = { baselineSystolic: null, baselineDiastolic: null, standingSystolic: null, standingDiastolic: null };
  const later = { standing1Systolic: null, standing1Diastolic: null, standing3Systolic: null, standing3Diastolic: null };
  const rates = { baselineHeartRate: null, standingHeartRate: null, standing1HeartRate: null, standing3HeartRate: null };
  return {
    method,
    notDoneReason: null,
    readings: { ...none, ...later, symptomsOnStanding: false, ...rates, ...readings },
    hrRiseFlagAt: null,
    ...changes,
  };
}

/** An active alert of session `firingId` in `Bay ${firingId}`, the minimum reached now. */
export function activeAlert(firingId: number, changes: Partial<ActiveAlert> = {}): ActiveAlert {
  return {
    firingId,
    sessionId: firingId,
    kind: 'minimum_reached',
    bay: `Bay ${firingId}`,
    patientName: 'Testy McTestface',
    dueAt: new Date().toISOString(),
    firedAt: new Date().toISOString(),
    detail: null,
    severity: null,
    emergency: false,
    ...changes,
  };
}

/** A patient who left just now from `Bay ${sessionId}`. */
export function departed(sessionId: number, patientName: string, changes: Partial<DepartedRow> = {}): DepartedRow {
  const leftAt = new Date().toISOString();
  return { sessionId, bay: `Bay ${sessionId}`, patientName, protocol: 'iv_ketamine', leftAt, how: 'discharged', ...changes };
}
