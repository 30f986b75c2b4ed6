// The analysis worker of <fact-panel> (www/fact-panel.js). The element
// starts one module worker per large analysis (see docs/element.md, "Large inputs")
// and terminates it when the answer arrives, when the analysis is
// superseded or when it runs past `FactPanel.analysisTimeout`; a crash of
// the wasm module (a Rust panic traps) dies with its worker.
//
//   in:  { module: WebAssembly.Module, json: string }   (the articles as JSON text)
//   out: { ready: true }                                 once this script has loaded
//        { ok: true, json } | { ok: false, name, message }   (json: the document as JSON text)
//
// It loads the same glue as the page (pkg/factpanel.js) and instantiates the
// module the page already compiled: the .wasm is not fetched again.
import init, { analyze } from './pkg/factpanel.js';

self.onmessage = async ({ data }) => {
  try {
    await init({ module_or_path: data.module });
    const analysis = analyze(JSON.parse(data.json));
    self.postMessage({ ok: true, json: analysis.json() });
  } catch (e) {
    self.postMessage({ ok: false, name: String(e?.name ?? 'Error'), message: String(e?.message ?? e) });
  }
};

self.postMessage({ ready: true });
