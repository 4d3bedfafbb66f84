interface FormActionsProps {
  /** The primary button's words, e.g. "Save passphrase"; while pending, `pendingLabel` ("Saving…"). */
  label: string;
  pendingLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** `dialog-actions` at the foot of a dialog; `form-actions` (the default) inside a page or section. */
  className?: string;
}

/** Cancel, then the form's submit button, which is disabled and says so while its request runs. */
export function FormActions({ label, pendingLabel, pending, onCancel, className = 'form-actions' }: FormActionsProps) {
  return (
    <div className={className}>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
