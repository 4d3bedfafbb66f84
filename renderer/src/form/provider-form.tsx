import { useMemo, useRef, useState, type FormEvent } from 'react';
import { IpcError } from '../keymint-client';
import { useVaultStatus } from '../queries/use-vault-status';
import { SaveUnlockNotice } from './save-unlock-notice';
import { flushSync } from 'react-dom';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import { ownValue } from '../../../shared/records/own-value';
import { customHost } from '../../../shared/recipes/custom-host';
import { findPreset } from '../../../shared/recipes/presets';
import { resolveRecipe } from '../../../shared/recipes/resolve-recipe';
import { useCreateProvider, useUpdateProvider } from '../queries/use-provider-mutations';
import { focusFirstInvalid } from '../ui/focus-first-invalid';
import { FormActions } from '../ui/form-actions';
import { Refusal } from '../ui/refusal';
import { AdvancedSettings } from './advanced-settings';
import { BaseUrlField } from './base-url-field';
import { CustomRecipeEditor } from './custom-recipe-editor';
import { RecipeTrialPanel } from './recipe-trial-panel';
import { FormField } from './form-field';
import { PresetSelect } from './preset-select';
import { RecipeFieldInput } from './recipe-field-input';
import { checkProviderForm, fieldErrorKey, type FormErrors } from './provider-form-checks';
import { createInput, trialInput, updateInput } from './provider-form-input';
import { SETTING_KEYS } from './provider-form-settings';
import {
  addFormState,
  editFormState,
  fieldValue,
  withBaseUrl,
  withPreset,
  withRecipeText,
  withSecretCleared,
  withValue,
  type ProviderFormState,
} from './provider-form-state';
import { editSecretMove, retypeHint } from './secret-move';

interface ProviderFormProps {
  /** The provider being edited; absent when adding one. */
  stored?: ProviderView;
  onDone: () => void;
}

export function ProviderForm({ stored, onDone }: ProviderFormProps) {
  const [state, setState] = useState<ProviderFormState>(() => (stored ? editFormState(stored) : addFormState()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [advancedOpen, setAdvancedOpen] = useState(() => SETTING_KEYS.some((key) => stored?.settings[key] !== undefined));
  const parsed = useMemo(() => resolveRecipe(state.presetId, state.recipeText), [state.presetId, state.recipeText]);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const saving = create.isPending || update.isPending;
  // One key per form: a second Save sent before the first answered gets the same provider.
  const [requestKey] = useState(() => crypto.randomUUID());
  const submitting = useRef(false);
  const vault = useVaultStatus().data;
  const locked = vault?.state === 'locked';
  const failure = stored ? update.error : create.error;
  // "The vault is locked" is answered by the unlock controls above the form, not repeated below.
  const refusal = failure instanceof IpcError && failure.code === 'locked' ? undefined : failure?.message;
  const { recipe } = parsed;
  const move = editSecretMove(state, stored);

  /**
   * The edited control's error goes at once; others stay only while they still apply, so
   * e.g. picking a server the secrets may go to takes back "Type API key again".
   */
  function change(next: ProviderFormState, errorKey: string) {
    setState(next);
    if (Object.keys(errors).length === 0) return;
    const still = checkProviderForm(next, resolveRecipe(next.presetId, next.recipeText), stored, editSecretMove(next, stored));
    setErrors(Object.fromEntries(Object.entries(still).filter(([key]) => key !== errorKey && errors[key] !== undefined)));
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkProviderForm(state, parsed, stored, move);
    // Rendered synchronously so the first flagged control can take focus right away.
    flushSync(() => {
      setErrors(found);
      if (SETTING_KEYS.some((key) => found[key])) setAdvancedOpen(true);
    });
    if (Object.keys(found).length > 0 || !recipe) return focusFirstInvalid(formRef.current);
    // Ignores a second submit (double click, Enter twice) before React has disabled Save.
    if (submitting.current) return;
    submitting.current = true;
    const settle = { onSuccess: onDone, onSettled: () => void (submitting.current = false) };
    if (stored) update.mutate(updateInput(state, recipe, stored), settle);
    else create.mutate({ ...createInput(state, recipe), requestKey }, settle);
  }

  const presetLabel = findPreset(state.presetId)?.label ?? '';
  const host = customHost(state.presetId, state.baseUrl);
  return (
    <>
      {locked && <SaveUnlockNotice slots={vault.slots} />}
      <form ref={formRef} className="provider-form" noValidate onSubmit={save}>
        <div className="form-body">
          <PresetSelect
            value={state.presetId}
            locked={stored !== undefined}
            onChange={(id) => {
              setState(withPreset(state, id));
              setErrors({});
            }}
          />
          <FormField label="Name" error={errors.name}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={state.name}
                required
                autoComplete="off"
                placeholder={state.presetId === 'custom' ? 'e.g. Billing API' : `e.g. ${presetLabel} production`}
                onChange={(event) => change({ ...state, name: event.target.value }, 'name')}
              />
            )}
          </FormField>
          {state.presetId === 'custom' && (
            <CustomRecipeEditor
              text={state.recipeText}
              parsed={parsed}
              error={errors.recipe}
              onChange={(text) => change(withRecipeText(state, text), 'recipe')}
            />
          )}
          <BaseUrlField
            settings={recipe?.baseUrl}
            value={state.baseUrl}
            error={errors.baseUrl}
            note={host ? `Custom host ${host}: not a server the ${presetLabel} documentation names. Keys you type here are sent to it.` : undefined}
            onChange={(url, typed) => change(withBaseUrl(state, url, typed), 'baseUrl')}
          />
          {recipe?.fields.map((field) => (
            <RecipeFieldInput
              key={field.key}
              field={field}
              value={fieldValue(state, field)}
              error={errors[fieldErrorKey(field.key)]}
              secretStored={field.secret && stored !== undefined && ownValue(stored.secretsSet, field.key) === true}
              retypeHint={retypeHint(move, field.label)}
              cleared={state.clearedSecrets.includes(field.key)}
              onChange={(value) => change(withValue(state, field.key, value), fieldErrorKey(field.key))}
              onClear={(cleared) => change(withSecretCleared(state, field.key, cleared), fieldErrorKey(field.key))}
            />
          ))}
          {/* After the fields it sends: the recipe is tried with the values as typed, unsaved. */}
          {state.presetId === 'custom' && <RecipeTrialPanel input={recipe ? trialInput(state, recipe, stored) : null} />}
          <AdvancedSettings
            values={state}
            errors={errors}
            open={advancedOpen}
            onToggle={setAdvancedOpen}
            onChange={(key, value) => change({ ...state, [key]: value }, key)}
          />
        </div>
        {refusal && <Refusal>{refusal}</Refusal>}
        <FormActions className="dialog-actions" label="Save" pendingLabel="Saving…" pending={saving} onCancel={onDone} />
      </form>
    </>
  );
}
