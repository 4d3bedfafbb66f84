import type { Recipe } from '../recipe-schema';

export type PresetId = 'botlhale' | 'xenioo' | 'highline' | 'togai' | 'welkin' | 'oauth2-client-credentials' | 'custom';

export interface Preset {
  id: PresetId;
  /** The words in the "Preset" control. */
  label: string;
  /**
   * Built-in recipe; Custom has none (the user writes it). Written out whole, every default
   * spelled, so it is used as is: starting Keymint never builds the recipe schema for a preset
   * (recipe-schema.test.ts checks each is exactly what the schema makes of it).
   */
  recipe?: Recipe;
}
