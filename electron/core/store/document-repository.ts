import type { DocumentStore } from '../ports';
import { describeIssues } from '../../../shared/text/describe-issues';
import { migrateDocument, MigrationError } from './document-migrations';
import { emptyDocument, keymintDocumentSchema, type KeymintDocument } from './keymint-document';

export class DocumentUnreadableError extends Error {
  constructor(readonly reason: string) {
    super(`Keymint's data file could not be read (${reason}); the file was left untouched.`);
    this.name = 'DocumentUnreadableError';
  }
}

/**
 * Holds the document in memory and writes it whole after every change, so the file always
 * holds one complete version. A file that fails validation is reported, never replaced.
 */
export class DocumentRepository {
  private document: KeymintDocument;

  constructor(private readonly store: DocumentStore) {
    this.document = load(store);
  }

  get current(): Readonly<KeymintDocument> {
    return this.document;
  }

  update(change: (draft: KeymintDocument) => void): void {
    const draft = structuredClone(this.document);
    change(draft);
    this.store.write(draft);
    this.document = draft;
  }
}

function load(store: DocumentStore): KeymintDocument {
  const raw = store.read();
  if (raw === undefined) return emptyDocument();
  let migrated: unknown;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (error instanceof MigrationError) throw new DocumentUnreadableError(error.message);
    throw error;
  }
  const parsed = keymintDocumentSchema.safeParse(migrated);
  if (!parsed.success) throw new DocumentUnreadableError(describeIssues(parsed.error.issues.slice(0, 1), 'document')[0] ?? 'invalid');
  return parsed.data;
}
