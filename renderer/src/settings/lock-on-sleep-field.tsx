import { useId } from 'react';
import { useSetLockOnSleep } from '../queries/use-vault-mutations';
import { Refusal } from '../ui/refusal';
import { usePick } from '../ui/use-pick';

/** Applies as soon as it is ticked, like the auto-lock choice beside it. */
export function LockOnSleepField({ enabled }: { enabled: boolean }) {
  const id = useId();
  const setLockOnSleep = useSetLockOnSleep();
  const { shown, pick, settled } = usePick(enabled);
  return (
    <div className="checkbox-setting">
      <input id={id} type="checkbox" checked={shown} onChange={(event) => {
          pick(event.target.checked);
          setLockOnSleep.mutate(event.target.checked, { onSettled: settled });
        }} />
      <label htmlFor={id}>Lock when the screen locks or the computer sleeps</label>
      {setLockOnSleep.error && <Refusal>{setLockOnSleep.error.message}</Refusal>}
    </div>
  );
}
