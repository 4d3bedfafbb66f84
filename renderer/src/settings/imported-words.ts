/** "Imported 3 providers", "Imported 1 provider". */
export function importedWords(count: number): string {
  return `Imported ${count} ${count === 1 ? 'provider' : 'providers'}`;
}
