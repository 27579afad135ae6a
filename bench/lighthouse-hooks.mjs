// Module hooks for bench/lighthouse.mjs (registered with node:module's
// register() before Lighthouse is imported). Chromium now names the trace
// argument of PipelineReporter events `frame_reporter`; the trace engine in
// Lighthouse 12.2.3 (@paulirish/trace_engine 0.0.32) reads only the old
// `chrome_frame_reporter`, throws, and takes down the LCP-element, layout-shift,
// render-blocking and animation diagnostics with it. This reads either name.
// It changes one expression in one file and nothing if that file differs.
const FILE = '/@paulirish/trace_engine/models/trace/handlers/ScreenshotsHandler.js';
const OLD = 'evt.args.data.beginEvent.args.chrome_frame_reporter.frame_sequence';
const NEW = '(evt.args.data.beginEvent.args.chrome_frame_reporter ?? evt.args.data.beginEvent.args.frame_reporter).frame_sequence';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.endsWith(FILE)) return result;
  const source = String(result.source);
  return source.includes(OLD) ? { ...result, source: source.replace(OLD, NEW) } : result;
}
