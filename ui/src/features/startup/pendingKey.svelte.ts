// The recovery key shown once and not yet said to be kept, in app-level memory: it outlives the
// card that shows it (an idle lock, Ctrl+L, leaving Settings, a failed reload), so the card
// comes back until "I have kept the recovery key safe" is clicked. Never stored anywhere else.

/** A key on its card: which records it opens and when it was issued. */
export interface PendingKey {
  /** Shown at start-up (new records) or issued in Settings. */
  from: 'start' | 'reissue';
  recoveryKey: string;
  /** The records' data directory. */
  records: string;
  issuedAt: string;
  /** Where the records' own key is kept (a phrase), when worth saying. */
  keptIn?: string;
  /** After a re-issue: the backups re-encrypted, and those left with the old key. */
  backupsReencrypted?: number;
  backupsNotReencrypted?: string[];
}

let current = $state<PendingKey | null>(null);

export const pendingKey = {
  /** The key awaiting "kept", if any. */
  get current(): PendingKey | null {
    return current;
  },
  show(key: PendingKey) {
    current = key;
  },
  /** Said kept (or a test starting afresh). */
  clear() {
    current = null;
  },
};
