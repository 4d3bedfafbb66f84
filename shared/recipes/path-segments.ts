import { placeholders, renderTemplate, type Lookup } from './template';

/**
 * True for `.` and `..`, also percent-encoded in any case and encoded again (`%2e%2E`,
 * `%252e`): servers and proxies that decode once more would still walk up the path.
 */
export function isDotSegment(segment: string): boolean {
  let text = segment;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/%25/g, '%').replace(/%2e/gi, '.');
  }
  return text === '.' || text === '..';
}

/**
 * The placeholder names of each path segment that a value turns into `.` or `..`: a Welkin
 * tenant of `..` would send the secret to another path on the same server. Rendered as the
 * request is (values URL-encoded), so the check and the request cannot disagree.
 */
export function dotSegmentNames(pathTemplate: string, lookup: Lookup): string[][] {
  return pathTemplate
    .split('/')
    .filter((segment) => placeholders(segment).length > 0 && isDotSegment(renderTemplate(segment, lookup, encodeURIComponent)))
    .map((segment) => placeholders(segment).flat());
}
