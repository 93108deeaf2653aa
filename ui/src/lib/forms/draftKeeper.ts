// What a form is given to keep what is typed as a draft (the owner decides where it goes and
// when it is offered back; DraftSaver puts it in the database).

export interface DraftKeeper<V> {
  /** What to start with instead of the empty (or saved) values: a resumed draft, or what was
   * typed before the screen locked. */
  initial: V | null;
  /** The values come from a draft: say so. */
  restored: boolean;
  /** Told what is typed after every change. */
  typed: (values: V) => void;
  /** Called just before the record is saved (the pending draft goes first). */
  beforeSave: () => Promise<void>;
}
