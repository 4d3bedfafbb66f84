import { useEffect, type RefObject } from 'react';

/** A form opened by a button takes focus, which also scrolls it into view inside the dialog. */
export function useFocusFirstField(form: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [form]);
}
