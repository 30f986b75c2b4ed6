// Types of the <fact-panel> element (www/fact-panel.js). The document types
// come from the wasm glue's declarations (pkg/factpanel.d.ts).
import type { FactpanelArticle, FactpanelDocument } from './pkg/factpanel.js';

export declare class FactPanel extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Registers the element under `tag` (once); returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof FactPanel;
  /** Milliseconds after which an analysis running in a worker (large inputs) is stopped and reported. Default 30000. */
  static analysisTimeout: number;
  /**
   * Articles to analyse; `null` = use the `src` attribute (a URL of an array
   * of articles, or of a factpanel/1 document made by `factpanel --json`),
   * or else the seed corpus (`pkg/seed.json`, written by ./build.sh).
   */
  articles: FactpanelArticle[] | null;
  /** The last factpanel/1 document rendered (deeply frozen), or `null`. */
  readonly data: FactpanelDocument | null;
}

export default FactPanel;

declare global {
  interface HTMLElementTagNameMap {
    'fact-panel': FactPanel;
  }
  interface HTMLElementEventMap {
    'fact-panel-ready': CustomEvent<FactpanelDocument>;
  }
}
