// The peer of ./build.sh bench: Microsoft Recognizers-Text, French culture.
//
//   node peer.mjs throughput CORPUS.json [REPS]   median time of the DateTime
//       model (the recognizer that finds durations) over every article text
//   node peer.mjs durations CORPUS.json           what it finds: every
//       entity in the texts (any type), plus its reading of the probe phrases
//
// CORPUS.json is an array of {id, text} (what `scale --dump` writes).
// Prints one JSON object on stdout. Offsets are JS string indices (UTF-16),
// the same unit as factpanel's.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Culture } from '@microsoft/recognizers-text-suite';
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';

export const PROBES = ['une heure et demie', "près d'une heure et demie", "plus d'une heure", 'environ une heure'];

const [mode, file, repsArg] = process.argv.slice(2);
if (!mode || !file) {
  console.error('usage: node peer.mjs throughput|durations CORPUS.json [REPS]');
  process.exit(2);
}
const articles = JSON.parse(readFileSync(file, 'utf8'));
const model = new DateTimeRecognizer(Culture.French).getDateTimeModel();

// A duration's value in minutes, from the resolution (seconds) or the timex.
function minutes(r) {
  const v = r.resolution?.values?.[0];
  if (!v) return null;
  if (v.type === 'duration' && v.value != null) return Number(v.value) / 60;
  return null;
}

function describe(r) {
  const v = r.resolution?.values ?? [];
  return {
    text: r.text,
    start: r.start,
    end: r.end + 1,
    type: r.typeName,
    minutes: minutes(r),
    timex: v.map((x) => x.timex).filter(Boolean).join(' or '),
    mod: v.map((x) => x.Mod).filter(Boolean).join(' or ') || null,
  };
}

if (mode === 'throughput') {
  const reps = Math.max(1, Number(repsArg) || 5);
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text, 'utf8'), 0);
  let found = 0;
  for (const a of articles) found += model.parse(a.text).length; // warm-up
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (const a of articles) model.parse(a.text);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ articles: articles.length, bytes, reps, median_s: median, mb_s: bytes / 1e6 / median, entities: found, times }));
} else if (mode === 'durations') {
  // Everything it finds (any type), so that a duration read as a clock
  // time shows up too.
  const all = [];
  for (const a of articles) {
    for (const r of model.parse(a.text)) all.push({ source: a.id, ...describe(r) });
  }
  const probes = PROBES.map((p) => ({ phrase: p, found: model.parse(p).map(describe) }));
  console.log(JSON.stringify({ all, probes }));
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
