/** How long the object URL outlives the click: long enough for a save dialog to fetch it. */
const REVOKE_AFTER_MS = 60_000;

/** Offers text as a file download: a Blob, a temporary `<a download>`, one click. */
export function downloadFile({ fileName, content }: { fileName: string; content: string }): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
