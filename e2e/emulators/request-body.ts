import type { RecordedRequest } from './emulator-server';

/**
 * Strict decoders for the three body encodings the providers use. They reject anything a real
 * client library would not produce, so a client that sends the wrong encoding fails in tests
 * instead of in production. Failures carry a reason for assertion messages; never the body.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export type JsonObject = Record<string, unknown>;

export interface FormPart {
  name: string;
  value: string;
}

interface HeaderValue {
  /** Lower-cased leading token: a media type (`type/subtype`) or a disposition type. */
  value: string;
  /** Parameter names lower-cased, quoted values unquoted. */
  parameters: Map<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const LEADING = new RegExp(`^(${TOKEN}(?:/${TOKEN})?)[ \\t]*`, 'y');
// RFC 9110 §5.6.6: no whitespace around '=', value is a token or a quoted-string.
const PARAMETER = new RegExp(`;[ \\t]*(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")[ \\t]*`, 'y');
// RFC 2046 §5.1.1 bchars, 1 to 70 of them, not ending in a space.
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

export function parseJsonObject(request: RecordedRequest): Parsed<JsonObject> {
  if (mediaTypeOf(request)?.value !== 'application/json') return fail('Content-Type must be application/json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return fail('body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail('body must be a JSON object');
  }
  return ok(parsed as JsonObject);
}

export function parseUrlEncodedForm(request: RecordedRequest): Parsed<URLSearchParams> {
  if (mediaTypeOf(request)?.value !== 'application/x-www-form-urlencoded') {
    return fail('Content-Type must be application/x-www-form-urlencoded');
  }
  return ok(new URLSearchParams(request.body));
}

/** multipart/form-data per RFC 7578: only what fetch's FormData, curl --form and requests send. */
export function parseMultipartForm(request: RecordedRequest): Parsed<FormPart[]> {
  const mediaType = mediaTypeOf(request);
  if (mediaType?.value !== 'multipart/form-data') return fail('Content-Type must be multipart/form-data');
  const boundary = mediaType.parameters.get('boundary');
  if (boundary === undefined || !BOUNDARY.test(boundary)) return fail('Content-Type lacks a valid boundary');
  const sections = splitMultipart(request.body, boundary);
  if (!sections.ok) return sections;
  const parts: FormPart[] = [];
  for (const section of sections.value) {
    const part = parsePart(section);
    if (!part.ok) return part;
    parts.push(part.value);
  }
  return ok(parts);
}

/** A JSON member when it is a string; undefined when absent or of another type. */
export function stringField(object: JsonObject, name: string): string | undefined {
  const value = object[name];
  return typeof value === 'string' ? value : undefined;
}

function mediaTypeOf(request: RecordedRequest): HeaderValue | undefined {
  return parseHeaderValue(request.headers['content-type']);
}

/** Parses `value *( ; name=value )` strictly; undefined when any byte does not fit the grammar. */
function parseHeaderValue(header: string | undefined): HeaderValue | undefined {
  if (header === undefined) return undefined;
  LEADING.lastIndex = 0;
  const leading = LEADING.exec(header);
  if (!leading?.[1]) return undefined;
  const parameters = new Map<string, string>();
  PARAMETER.lastIndex = LEADING.lastIndex;
  let position = LEADING.lastIndex;
  for (let match = PARAMETER.exec(header); match?.[1] && match[2]; match = PARAMETER.exec(header)) {
    parameters.set(match[1].toLowerCase(), unquote(match[2]));
    position = PARAMETER.lastIndex;
  }
  if (position !== header.length) return undefined;
  return { value: leading[1].toLowerCase(), parameters };
}

function unquote(value: string): string {
  return value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

/** Splits the body into raw parts, demanding the opening and closing delimiters (no preamble). */
function splitMultipart(body: string, boundary: string): Parsed<string[]> {
  const delimiter = `--${boundary}`;
  if (!body.startsWith(`${delimiter}\r\n`)) return fail('multipart body must open with the boundary delimiter');
  const closeAt = body.indexOf(`\r\n${delimiter}--`);
  if (closeAt < 0) return fail('multipart body lacks the closing delimiter');
  const trailer = body.slice(closeAt + delimiter.length + 4);
  if (trailer !== '' && trailer !== '\r\n') return fail('unexpected data after the closing delimiter');
  return ok(body.slice(delimiter.length + 2, closeAt).split(`\r\n${delimiter}\r\n`));
}

function parsePart(section: string): Parsed<FormPart> {
  const headerEnd = section.indexOf('\r\n\r\n');
  if (headerEnd < 0) return fail('multipart part lacks a blank line after its headers');
  const headers = new Map<string, string>();
  for (const line of section.slice(0, headerEnd).split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return fail('malformed multipart part header');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = parseHeaderValue(headers.get('content-disposition'));
  const name = disposition?.parameters.get('name');
  if (disposition?.value !== 'form-data' || name === undefined) {
    return fail('multipart part needs Content-Disposition: form-data; name="..."');
  }
  return ok({ name, value: section.slice(headerEnd + 4) });
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail<T>(error: string): Parsed<T> {
  return { ok: false, error };
}
