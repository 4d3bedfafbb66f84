/** A secret as it may appear in transit or at rest: as is, URL- and form-encoded, JSON-escaped, base64. */
export function encodedForms(value: string): string[] {
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value).toString('base64'),
  ];
}
