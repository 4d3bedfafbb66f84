import { findPreset, PRESETS, type PresetId } from '../../../shared/recipes/presets';
import { FormField } from './form-field';

interface PresetSelectProps {
  value: PresetId;
  /** A stored provider keeps its preset: its credentials were shaped for it. */
  locked: boolean;
  onChange: (presetId: PresetId) => void;
}

export function PresetSelect({ value, locked, onChange }: PresetSelectProps) {
  return (
    <FormField label="Preset" help={locked ? 'A saved provider keeps its preset.' : undefined}>
      {(control) => (
        <select {...control} value={value} disabled={locked} onChange={(event) => {
            const preset = findPreset(event.target.value);
            if (preset) onChange(preset.id);
          }}
        >
          {PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
