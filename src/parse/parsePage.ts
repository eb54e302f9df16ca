import type { PageModel } from "./model.ts";
import { PageBuilder } from "./pageBuilder.ts";
import { HtmlTokenStream } from "./tokens.ts";
import { TreeBuilder } from "./tree.ts";

/** Streaming form of parsePage: feed decoded text chunks as they arrive, then take the model. */
export interface PageParser {
  write(chunk: string): void;
  /** Finishes parsing and returns the model; later calls return the same model. */
  end(): PageModel;
}

/**
 * Creates a streaming parser for the page at `url` (used to resolve relative URLs; it may be
 * any string, in which case only absolute links resolve). Never throws on any input: should the
 * parser itself fail, it stops reading and end() returns what it had, with `parseError` set.
 */
export function createPageParser(url: string): PageParser {
  const builder = new PageBuilder(url);
  const tokens = new HtmlTokenStream(new TreeBuilder(builder));
  let failure: string | undefined;
  let model: PageModel | undefined;
  const guard = (step: () => void): void => {
    if (failure !== undefined) return;
    try {
      step();
    } catch (error) {
      failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  };
  return {
    write(chunk: string): void {
      if (model === undefined) guard(() => tokens.write(chunk));
    },
    end(): PageModel {
      if (model !== undefined) return model;
      guard(() => tokens.end());
      model = builder.build();
      if (failure !== undefined) model.parseError = failure;
      return model;
    },
  };
}

/** Parses one HTML page (already decoded to a string) into its PageModel. Pure; never throws. */
export function parsePage(html: string, url: string): PageModel {
  const parser = createPageParser(url);
  parser.write(html);
  return parser.end();
}
