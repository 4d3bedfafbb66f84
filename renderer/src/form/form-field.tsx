import { useId, type ReactNode } from 'react';

/** What a field hands its control so the label, help and error are wired to it. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormFieldProps {
  /** The `<label>` text, exactly; "optional" is shown beside it, not inside it. */
  label: string;
  optional?: boolean;
  help?: string;
  /** A caution about what saving will do (e.g. a stored secret that must be typed again). */
  note?: string;
  error?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

export function FormField({ label, optional = false, help, note, error, children }: FormFieldProps) {
  const id = useId();
  const optionalId = `${id}-optional`;
  const helpId = `${id}-help`;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const describedBy = [optional && optionalId, help && helpId, note && noteId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {optional && (
          <span id={optionalId} className="field-optional">
            optional
          </span>
        )}
      </div>
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {note && (
        <p id={noteId} className="field-note">
          {note}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined })}
      {error && (
        <div id={errorId} className="field-error">
          {error}
        </div>
      )}
    </div>
  );
}
