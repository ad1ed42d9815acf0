import { z } from 'zod';
import { wordsSchema } from '#core/validation';
import { ChainStepSchema, type DocumentView as CoreDocumentView, DocumentViewSchema } from '#core/approval';

// The approval document as the production pages show it inside a plan or a sales plan
// (core/approval's DocumentViewSchema, with its free-form body read as the pages read it).

export const Text = wordsSchema;

export const DocStep = ChainStepSchema;
export type DocStep = z.infer<typeof DocStep>;

/** A document's body: free text and key/value lines, as the approval pages print it. */
export const DocBody = z
  .object({
    content: z.string().optional(),
    contentEn: z.string().optional(),
    lines: z.array(z.object({ key: z.string(), value: z.string(), valueEn: z.string().optional() })).optional(),
  })
  .loose();

export const DocView = DocumentViewSchema.extend({ body: DocBody.nullable() });
export type DocView = z.infer<typeof DocView>;

/** Core's view, with its free-form body read as the pages read it. */
export const asDocView = (d: CoreDocumentView): DocView => d as DocView;
