import { FormField } from '../form/form-field';
import { useSetAutoLock } from '../queries/use-vault-mutations';
import { usePick } from '../ui/use-pick';

const CHOICES: { minutes: number | null; label: string }[] = [
  { minutes: null, label: 'Never' },
  { minutes: 1, label: '1 minute' },
  { minutes: 5, label: '5 minutes' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
];

const NEVER = 'never';
const toValue = (minutes: number | null) => (minutes === null ? NEVER : String(minutes));

/** Applies as soon as it is chosen; a value set elsewhere (not in the list) is still shown. */
export function AutoLockField({ minutes }: { minutes: number | null }) {
  const setAutoLock = useSetAutoLock();
  const { shown, pick, settled } = usePick(minutes);
  const choices = CHOICES.some((c) => c.minutes === minutes) ? CHOICES : [...CHOICES, { minutes, label: `${minutes} minutes` }];
  return (
    <FormField label="Auto-lock" help="Lock the vault after this long without use." error={setAutoLock.error?.message}>
      {(control) => (
        <select
          {...control}
          className="auto-lock-select"
          value={toValue(shown)}
          onChange={(event) => {
            const chosen = event.target.value === NEVER ? null : Number(event.target.value);
            pick(chosen);
            setAutoLock.mutate(chosen, { onSettled: settled });
          }}
        >
          {choices.map((choice) => (
            <option key={toValue(choice.minutes)} value={toValue(choice.minutes)}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
