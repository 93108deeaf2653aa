// Generated from the real refusals of the core, the store and the shell by src-tauri's
// `backend_messages` test: what the UI tests' fake IPC answers with, never copied by
// hand. Do not edit: run `VIGIL_UPDATE_BINDINGS=1 cargo test -p vigil backend_messages`.
import type { VigilError } from '../lib/ipc';

export const adminPinTooShort: VigilError = {"code":"validation","message":"An administrator's PIN is 6 to 8 digits.","field":"pin"};

export const pinsDiffer: VigilError = {"code":"validation","message":"The two PINs differ.","field":"pinAgain"};

export const signInFirst: VigilError = {"code":"forbidden","message":"Sign in first."};

export const emergencyReasonTooShort: VigilError = {"code":"validation","message":"Say why emergency access is needed (at least 10 characters).","field":"reason"};

export const idleLockOutOfRange: VigilError = {"code":"validation","message":"The idle lock must be a whole number of seconds from 20 to 3600.","field":"seconds"};

export const emergencyLimitOutOfRange: VigilError = {"code":"validation","message":"Emergency access must last a whole number of minutes from 5 to 120.","field":"minutes"};

export const papersKeptOutOfRange: VigilError = {"code":"validation","message":"Drafts are kept a whole number of days from 1 to 3650.","field":"days"};

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

export const recoveryKeyEmpty: VigilError = {"code":"validation","message":"This recovery key has 0 letters and digits; a recovery key has 56, in 14 groups of 4. Check it against the paper.","field":"recoveryKey"};

export const recoveryKeyMistyped: VigilError = {"code":"validation","message":"This recovery key does not add up: a character was mistyped; check each group against the paper.","field":"recoveryKey"};

export const recordsFileNotAbsolute: VigilError = {"code":"validation","message":"Type the records file's full path, like /media/usb/vigil-20261127T031500000Z.sqlite3.","field":"file"};

export const exportFromNotADate: VigilError = {"code":"validation","message":"Give the first day as YYYY-MM-DD.","field":"from"};

export const exportToBeforeFrom: VigilError = {"code":"validation","message":"The last day is before the first day.","field":"to"};

export const historyFromNotADate: VigilError = {"code":"validation","message":"Give the first day as YYYY-MM-DD.","field":"from"};

export const historyToBeforeFrom: VigilError = {"code":"validation","message":"To must not be before From.","field":"to"};

export const reportDayNotADate: VigilError = {"code":"validation","message":"Give the day as YYYY-MM-DD.","field":"day"};

export const reportNoSuchShift: VigilError = {"code":"validation","message":"Choose a shift from the list.","field":"shift"};

export const shiftHoursOutOfRange: VigilError = {"code":"validation","message":"Give 1 to 24 hours.","field":"shifts.0.hours"};

export const patientNameMissing: VigilError = {"code":"validation","message":"Patient name is required.","field":"patientName"};

export const diastolicNotBelowSystolic: VigilError = {"code":"validation","message":"The diastolic must be below the systolic.","field":"vitals.diastolic"};

export const symptomsNotTicked: VigilError = {"code":"validation","message":"Tick the symptoms the grade describes.","field":"symptoms"};

export const correctedSystolicOutOfRange: VigilError = {"code":"validation","message":"The systolic must be a whole number from 50 to 260 mmHg.","field":"check.vitals.systolic"};

export const lateReasonMissing: VigilError = {"code":"validation","message":"The reason for the late entry is required.","field":"lateReason"};

export const nothingMoreAfterLeaving: VigilError = {"code":"conflict","message":"This patient has left; nothing more can be recorded for this session."};

export const predosePrescriberMissing: VigilError = {"code":"validation","message":"The prescriber's name is required.","field":"prescriber"};

export const escortFullNameMissing: VigilError = {"code":"validation","message":"The escort's full name is required.","field":"fullName"};

export const escortPhoneMalformed: VigilError = {"code":"validation","message":"The phone number must be 3 to 30 characters: digits, spaces and + - ( ) . only.","field":"phone"};

export const escortTransportMissing: VigilError = {"code":"validation","message":"Choose how the patient gets home.","field":"transport"};

export const overridePrescriberMissing: VigilError = {"code":"validation","message":"The prescriber's name is required.","field":"overrides.spo2.prescriber"};

export const willDriveUnknown: VigilError = {"code":"validation","message":"Choose whether the patient says they will drive: yes, no or unknown.","field":"willDrive"};

export const transferDestinationTooShort: VigilError = {"code":"validation","message":"The destination must be 2 to 200 characters.","field":"destination"};

export const transferEmergencyServicesUnknown: VigilError = {"code":"validation","message":"Choose whether emergency services were called: yes or no.","field":"emergencyServicesCalled"};

export const patientAlreadyLeft: VigilError = {"code":"conflict","message":"This patient has already left."};

export const clearForDischargeFirst: VigilError = {"code":"conflict","message":"Clear the patient for discharge first (or record leaving against advice)."};

export const remsDoseOutOfRange: VigilError = {"code":"validation","message":"The dose must be 56 mg, 84 mg or a whole number of mg from 28 to 112.","field":"doseMg"};

export const wrongPin: VigilError = {"code":"forbidden","message":"Wrong PIN."};

export const wrongSignaturePin: VigilError = {"code":"forbidden","message":"Wrong PIN: the discharge is not signed.","field":"pin"};

export const accountNotFound: VigilError = {"code":"not_found","message":"That account does not exist."};

export const sessionNotFound: VigilError = {"code":"not_found","message":"The record does not exist."};

export const dischargeSessionNotFound: VigilError = {"code":"not_found","message":"The record does not exist."};

export const checkSessionNotFound: VigilError = {"code":"not_found","message":"The record does not exist."};

export const administratorsOnly: VigilError = {"code":"forbidden","message":"Only an administrator may do this."};

export const lockedUnlockFirst: VigilError = {"code":"forbidden","message":"Vigil is locked. Unlock it with your PIN first."};

export const emergencyClinicalOnly: VigilError = {"code":"forbidden","message":"Emergency access allows clinical work only. An administrator must sign in with their PIN."};

export const alreadyReviewed: VigilError = {"code":"conflict","message":"This emergency access has already been reviewed."};

export const nothingToRecover: VigilError = {"code":"conflict","message":"Vigil's records are open: there is nothing to recover."};

export const diskFull: VigilError = {"code":"storage","message":"The record could not be saved: the disk is full. Nothing was changed."};

export const pdfFolderInDataDirectory: VigilError = {"code":"validation","message":"A saved file holds patient data in plain text: it is never saved in Vigil's data directory. Choose another folder.","field":"folder"};

export const noKeystore: VigilError = {"code":"unavailable","message":"No keystore answers on this workstation (the Secret Service, e.g. GNOME Keyring, is not running or is locked). Start or unlock it and try again, or choose Keep the key in a file (weaker). Nothing was changed."};

export const recoveryKeyDoesNotOpen: VigilError = {"code":"validation","message":"This recovery key does not open these records. Check it against the paper (or choose the file these records were kept in). Nothing was changed.","field":"recoveryKey"};

export const quitBoardChangedToOne: VigilError = {"code":"conflict","message":"The board changed: 1 patient is in recovery now. Look again before quitting."};

export const minimumNotOver = (minutesLeft: number): VigilError => ({ code: "conflict", message: `The minimum observation period is not over: ${minutesLeft} min left. Discharge is refused until then.` });

export const escortNotPresent = (detail: string): VigilError => ({ code: "conflict", message: `No escort is present and identified (${detail}). Discharge is refused until then; a patient who will not wait leaves against advice.` });

export const gateNotMet = (label: string, detail: string, key: string): VigilError => ({ code: "validation", message: `${label} is not met: ${detail}. Override it with a reason and the prescriber's name, or wait.`, field: `overrides.${key}` });

export const padssChanged = (now: number, seen: number): VigilError => ({ code: "conflict", message: `The score is now ${now}/10, not ${seen}/10: review it again before confirming.` });

export const noFileAt = (path: string): VigilError => ({ code: "validation", message: `There is no file at ${path}. Nothing was changed.`, field: "file" });

export const quitBoardChanged = (now: number): VigilError => ({ code: "conflict", message: `The board changed: ${now} patients are in recovery now. Look again before quitting.` });
