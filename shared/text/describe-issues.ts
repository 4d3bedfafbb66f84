/** The part of a zod issue we show: where, and what is wrong. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** "request.body.type: Invalid discriminator value…", one line per issue (never the input itself). */
export function describeIssues(issues: readonly Issue[], root = 'input'): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : root}: ${issue.message}`);
}
