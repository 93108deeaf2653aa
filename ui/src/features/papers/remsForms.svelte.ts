// REMS Patient Monitoring Forms as the screens show them: the status words (never colour
// alone), the submission channels, and how many forms need attention (due soon, last day,
// overdue), shared by the forms-due screen and the header's count. The statuses come from the
// app (vigil-core); this only names and counts them.
import { loadFormsDue, type FormDue, type FormStatus, type SubmissionChannel } from '../../lib/ipc';

/** The words of each status. */
export const STATUS_LABELS: Record<FormStatus, string> = {
  due: 'Due',
  due_soon: 'Due soon',
  last_day: 'Last day',
  overdue: 'Overdue',
  submitted: 'Submitted',
};

/** The channels, in the order "Mark submitted" offers them. */
export const CHANNEL_LABELS: Record<SubmissionChannel, string> = {
  portal: 'Online portal',
  fax: 'Fax',
  phone: 'Phone',
};

/** Due soon, on its last day or overdue. */
export function needsAttention(form: FormDue): boolean {
  return form.status === 'due_soon' || form.status === 'last_day' || form.status === 'overdue';
}

/** Forms needing attention, as last loaded (by the header or the forms screen). */
export const formsAttention = $state({
  /** Due soon, last day or overdue. */
  count: 0,
  /** Of which on their last day or overdue (shown red). */
  urgent: 0,
});

/** Counts the forms of a freshly loaded list. */
export function noteForms(forms: FormDue[]): void {
  formsAttention.count = forms.filter(needsAttention).length;
  formsAttention.urgent = forms.filter((f) => f.status === 'last_day' || f.status === 'overdue').length;
}

/** Loads the forms due and counts them; a failure leaves the count as it was. */
export async function refreshFormsAttention(): Promise<void> {
  try {
    noteForms(await loadFormsDue());
  } catch {
    // Not signed in for clinical work, or the store is busy: keep the last count.
  }
}
