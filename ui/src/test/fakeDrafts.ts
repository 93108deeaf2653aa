// The drafts part of the in-memory IPC fake (fakeIpc.ts merges it): the admit and check
// forms' drafts have their own fields; the others are kept by form in `drafts`.
import { vi } from 'vitest';

type Draft = { content: string; savedAt: string };

export function freshDrafts() {
  return {
    /** The admit form's draft. */
    draft: null as null | Draft,
    /** The check form's draft. */
    checkDraft: null as null | Draft,
  };
}

type State = ReturnType<typeof freshDrafts> & { drafts: Record<string, Draft> };

export function draftFakes(ipc: State) {
  return {
    loadDraft: vi.fn(async (form: string) => {
      if (form === 'check') return ipc.checkDraft;
      if (form === 'admit') return ipc.draft;
      return ipc.drafts[form] ?? null;
    }),
    saveDraft: vi.fn(async (form: string, content: string) => {
      const draft = { content, savedAt: new Date().toISOString() };
      if (form === 'check') ipc.checkDraft = draft;
      else if (form === 'admit') ipc.draft = draft;
      else ipc.drafts[form] = draft;
    }),
    clearDraft: vi.fn(async (form: string) => {
      if (form === 'check') ipc.checkDraft = null;
      else if (form === 'admit') ipc.draft = null;
      else delete ipc.drafts[form];
    }),
  };
}
