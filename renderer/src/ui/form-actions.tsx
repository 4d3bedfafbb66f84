interface FormActionsProps {
  /** The submit button's words, e.g. "Save passphrase"; while pending, `pendingLabel` ("Saving…"). */
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** Shows a Cancel button first; forms that stay on the page have none. */
  onCancel?: () => void;
  /** False for a secondary action beside the section's main one. */
  primary?: boolean;
  /** `dialog-actions` at the foot of a dialog; `form-actions` (the default) inside a page or section. */
  className?: string;
}

/** Cancel (when the form can be left), then the submit button, disabled and saying so while its request runs. */
export function FormActions({ label, pendingLabel, pending, onCancel, primary = true, className = 'form-actions' }: FormActionsProps) {
  return (
    <div className={className}>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <button type="submit" className={primary ? 'button primary' : 'button'} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
