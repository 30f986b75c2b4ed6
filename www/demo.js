// The demo page's own script: language switch and "try your own articles".
// Everything goes through the element's public API (attributes, .articles,
// the fact-panel-ready event).

const panel = document.getElementById('panel');
const form = document.getElementById('try-form');
const status = document.getElementById('try-status');
const fr = document.documentElement.lang !== 'en';
let fromForm = false; // scroll to the panel when the form fed it

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// Language switch.
for (const button of document.querySelectorAll('.lang-switch button')) {
  button.addEventListener('click', () => {
    panel.setAttribute('lang', button.dataset.lang);
    for (const b of document.querySelectorAll('.lang-switch button')) {
      b.setAttribute('aria-pressed', String(b === button));
    }
  });
}

// Pasted text: articles separated by a line holding only "---".
function articlesFromText(text) {
  return text
    .split(/^\s*---\s*$/m)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, i) => ({ id: `colle-${i + 1}`, text: t })); // the core tells French from English
}

async function articlesFromFiles(files) {
  const out = [];
  for (const file of files) {
    const text = await file.text();
    const base = file.name.replace(/\.[^.]*$/, '');
    if (/\.json$/i.test(file.name)) {
      let data;
      try {
        data = JSON.parse(text);
      } catch (e) {
        throw new Error(`${file.name} : JSON invalide (${e.message})`);
      }
      out.push(...(Array.isArray(data) ? data : [data]));
    } else {
      out.push({ id: base, text });
    }
  }
  return out;
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  try {
    const articles = [
      ...articlesFromText(form.elements.text.value),
      ...(await articlesFromFiles(form.elements.files.files)),
    ];
    if (articles.length === 0) {
      say(fr ? 'Collez du texte ou choisissez au moins un fichier.' : 'Paste some text or pick at least one file.', true);
      return;
    }
    say(fr ? 'Articles transmis au panneau.' : 'Articles sent to the panel.');
    fromForm = true;
    panel.articles = articles;
  } catch (e) {
    say(e.message, true);
  }
});

// A bilingual example written for the demo: two English and two French
// articles on the same call, reconciled into one panel.
document.getElementById('try-mixed').addEventListener('click', async () => {
  try {
    const res = await fetch(new URL('examples/mixed-feb12.json', document.baseURI));
    if (!res.ok) throw new Error(`examples/mixed-feb12.json: HTTP ${res.status}`);
    say(fr ? 'Exemple bilingue transmis au panneau.' : 'Bilingual example sent to the panel.');
    fromForm = true;
    panel.articles = await res.json();
  } catch (e) {
    say(e.message, true);
  }
});

document.getElementById('try-reset').addEventListener('click', () => {
  form.reset();
  panel.articles = null;
  say(fr ? 'Retour aux articles d’exemple.' : 'Back to the sample articles.');
});

panel.addEventListener('fact-panel-ready', (ev) => {
  const doc = ev.detail;
  if (panel.articles) {
    const facts = doc.facts.length;
    say(fr
      ? `Panneau mis à jour : ${doc.sources.length} source(s), ${facts} fait(s) relevé(s).`
      : `Panel updated: ${doc.sources.length} source(s), ${facts} fact(s) found.`);
  }
  if (fromForm) {
    fromForm = false;
    panel.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }
});

// The panel's performance marks, for the curious (see docs/performance.md).
panel.addEventListener('fact-panel-ready', () => {
  const [start] = performance.getEntriesByName('factpanel:start');
  const [rendered] = performance.getEntriesByName('factpanel:rendered');
  if (start && rendered) {
    console.info(`factpanel: start ${start.startTime.toFixed(1)} ms, rendered ${rendered.startTime.toFixed(1)} ms after navigation`);
  }
}, { once: true });
