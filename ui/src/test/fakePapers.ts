// The papers part of the in-memory IPC fake (fakeIpc.ts merges it): the discharge sheet, the
// REMS form and its details, printing and saving PDFs (into the folder typed; the data
// directory `DATA_DIR` is refused as the backend does), and the REMS forms due. Saving the
// REMS details takes their draft with it, as the shell does; refusals are the backend's own
// messages (backendMessages.ts).
import { vi } from 'vitest';
import type * as Ipc from '../lib/ipc';
import type { FormDue, Paper, PaperKind, RemsDetailsInput, VigilError } from '../lib/ipc';
import { paper } from './fixtures';
import { dischargeSessions } from './fakeDischarge';
import {
  pdfFolderInDataDirectory,
  remsDoseOutOfRange,
  submissionChannelUnknown,
  submissionReferenceMissing,
} from './backendMessages';

/** The fake's data directory: a PDF is never saved in it. */
export const DATA_DIR = '/home/nurse/.local/share/app.vigil.recovery';
/** The folder offered to save PDFs in. */
export const DOCUMENTS = '/home/nurse/Documents';

export function freshPapers() {
  return {
    /** Papers by `${kind}:${sessionId}` (else a default one). */
    papers: {} as Record<string, Paper>,
    prints: [] as { sessionId: number; paper: PaperKind }[],
    /** PDFs saved, by path. */
    savedPdfs: [] as string[],
    remsDetails: [] as RemsDetailsInput[],
    /** What load_rems_details answers, by session. */
    savedRems: {} as Record<number, Ipc.RemsDetails>,
    formsDue: [] as FormDue[],
  };
}

type State = ReturnType<typeof freshPapers> & Parameters<typeof dischargeSessions>[0];
type Fail = (error: VigilError) => never;

/** The REMS forms due and marking one submitted. */
function formsDueFakes(ipc: State, fail: Fail) {
  return {
    loadFormsDue: vi.fn(async () => structuredClone(ipc.formsDue)),
    markFormSubmitted: vi.fn(async (input: Ipc.FormSubmittedInput) => {
      const channels: string[] = ['portal', 'fax', 'phone'];
      if (!channels.includes(input.channel)) fail(submissionChannelUnknown);
      if (input.reference.trim() === '') fail(submissionReferenceMissing);
      ipc.formsDue = ipc.formsDue.map((f) =>
        f.sessionId === input.sessionId
          ? {
              ...f,
              status: 'submitted',
              submittedAt: new Date().toISOString(),
              submittedBy: 'Ana Ruiz, RN',
              reference: input.reference,
              channel: input.channel as Ipc.SubmissionChannel,
            }
          : f,
      );
      return structuredClone(ipc.formsDue);
    }),
  };
}

export function papersFakes(ipc: State, fail: Fail) {
  const { viewOf } = dischargeSessions(ipc, fail);
  const paperOf = (kind: PaperKind, sessionId: number) =>
    structuredClone(
      ipc.papers[`${kind}:${sessionId}`] ??
        paper(kind === 'rems' ? 'REMS Patient Monitoring Form' : 'Discharge sheet', viewOf(sessionId).bay),
    );
  const savePdf = (slug: string, sessionId: number, folder: string) => {
    const typed = folder.trim().replace(/\/+$/, '');
    if (typed === DATA_DIR || typed.startsWith(`${DATA_DIR}/`)) fail(pdfFolderInDataDirectory);
    const path = `${typed}/${slug}-session-${sessionId}-20260701T120000Z.pdf`;
    ipc.savedPdfs.push(path);
    return path;
  };
  return {
    loadDischargeSheet: vi.fn(async (sessionId: number) => paperOf('discharge', sessionId)),
    saveDischargePdf: vi.fn(async (sessionId: number, folder: string) =>
      savePdf('discharge-sheet', sessionId, folder),
    ),
    loadRemsForm: vi.fn(async (sessionId: number) => paperOf('rems', sessionId)),
    loadRemsDetails: vi.fn(async (sessionId: number) => structuredClone(ipc.savedRems[sessionId] ?? null)),
    saveRemsPdf: vi.fn(async (sessionId: number, folder: string) => savePdf('rems-form', sessionId, folder)),
    defaultExportFolder: vi.fn(async () => DOCUMENTS),
    printPaper: vi.fn(async (sessionId: number, paper: PaperKind) => {
      ipc.prints.push({ sessionId, paper });
    }),
    saveRemsDetails: vi.fn(async (input: RemsDetailsInput) => {
      if (!/^\d+$/.test(input.doseMg)) fail(remsDoseOutOfRange);
      ipc.remsDetails.push(input);
      delete ipc.drafts.rems_details;
    }),
    ...formsDueFakes(ipc, fail),
  };
}
