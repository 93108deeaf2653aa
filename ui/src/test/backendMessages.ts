// Generated from the real refusals of crates/vigil-core by its `backend_messages` test:
// what the UI tests' fake IPC answers with, never copied by hand. Do not edit: run
// `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil-core --test backend_messages`.
import type { VigilError } from '../lib/ipc';

export const adminPinTooShort: VigilError = {"code":"validation","message":"An administrator's PIN is 6 to 8 digits.","field":"pin"};

export const pinsDiffer: VigilError = {"code":"validation","message":"The two PINs differ.","field":"pinAgain"};

export const signInFirst: VigilError = {"code":"forbidden","message":"Sign in first."};

export const emergencyReasonTooShort: VigilError = {"code":"validation","message":"Say why emergency access is needed (at least 10 characters).","field":"reason"};

export const idleLockOutOfRange: VigilError = {"code":"validation","message":"The idle lock must be a whole number of seconds from 20 to 3600.","field":"seconds"};

export const emergencyLimitOutOfRange: VigilError = {"code":"validation","message":"Emergency access must last a whole number of minutes from 5 to 120.","field":"minutes"};

export const papersKeptOutOfRange: VigilError = {"code":"validation","message":"Papers are kept a whole number of days from 1 to 3650.","field":"days"};

export const backupNotFromList: VigilError = {"code":"validation","message":"Choose a backup from the list.","field":"file"};

export const spravatoMinimumTooShort: VigilError = {"code":"validation","message":"Spravato (REMS) requires at least 120 minutes of observation.","field":"minimumMinutes"};

export const graceOutOfRange: VigilError = {"code":"validation","message":"The grace before a check is overdue must be a whole number from 1 to 30.","field":"graceMinutes"};

export const criticalSystolicOutOfRange: VigilError = {"code":"validation","message":"The critical systolic must be a whole number from 140 to 260.","field":"criticalSystolic"};

export const nauseaLimitOutOfRange: VigilError = {"code":"validation","message":"The nausea limit must be a whole number from 0 to 3.","field":"maxNausea"};

export const remsWarnDayOutOfRange: VigilError = {"code":"validation","message":"The REMS \"due soon\" day must be a whole number from 1 to 7 (days after the treatment).","field":"remsWarnFromDay"};

export const submissionChannelUnknown: VigilError = {"code":"validation","message":"Choose how the form was submitted: online portal, fax or phone.","field":"channel"};

export const submissionReferenceMissing: VigilError = {"code":"validation","message":"The submission reference is required.","field":"reference"};

export const themeUnknown: VigilError = {"code":"validation","message":"Choose light, dim, follow the system or set hours.","field":"theme"};

export const dimFromNotATime: VigilError = {"code":"validation","message":"Enter a time as HH:MM, from 00:00 to 23:59.","field":"dimFrom"};

export const dimUntilNotATime: VigilError = {"code":"validation","message":"Enter a time as HH:MM, from 00:00 to 23:59.","field":"dimUntil"};

export const dimHoursSameTime: VigilError = {"code":"validation","message":"The dim hours must end at another time than they start.","field":"dimUntil"};

export const volumeOutOfRange: VigilError = {"code":"validation","message":"The volume is a whole percent 0-100.","field":"volume"};

export const escalationOutOfRange: VigilError = {"code":"validation","message":"Escalation comes after a whole number of minutes from 1 to 60.","field":"escalateAfterMinutes"};

export const escortFullNameMissing: VigilError = {"code":"validation","message":"The escort's full name is required.","field":"fullName"};

export const willDriveUnknown: VigilError = {"code":"validation","message":"Choose whether the patient says they will drive: yes, no or unknown.","field":"willDrive"};

export const transferDestinationTooShort: VigilError = {"code":"validation","message":"The destination must be 2 to 200 characters.","field":"destination"};

export const transferEmergencyServicesUnknown: VigilError = {"code":"validation","message":"Choose whether emergency services were called: yes or no.","field":"emergencyServicesCalled"};

export const patientAlreadyLeft: VigilError = {"code":"conflict","message":"This patient has already left."};

export const minimumNotOver = (minutesLeft: number): VigilError => ({ code: "conflict", message: `The minimum observation period is not over: ${minutesLeft} min left. Discharge is refused until then.` });

export const gateNotMet = (label: string, detail: string, key: string): VigilError => ({ code: "validation", message: `${label} is not met: ${detail}. Override it with a reason and the prescriber's name, or wait.`, field: `overrides.${key}` });
