//! `factpanel [--json] [--mentions] [FILE ...]`, `factpanel --batch FILE`
//!
//! Runs the factpanel core on article files (or the embedded seed corpus)
//! and prints the fact panel as a terminal table, or the `factpanel/1`
//! JSON document with `--json`; with `--batch`, many events, one per line,
//! in parallel. See `docs/contract.md`.
//!
//! Bad input exits with code 2 and one line on stderr naming the file and
//! the problem; nothing is printed on stdout then. In a batch, a bad event
//! gets an error line of its own and the others are still answered.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use factpanel::format::{self, Lang};
use factpanel::model::{Document, MentionsDocument};
use factpanel::Article;

const USAGE: &str = "usage: factpanel [--json] [--mentions] [FILE ...]
       factpanel --batch EVENTS.jsonl   (or - for standard input)
  FILE.txt   one UTF-8 article; its first non-empty line is its title
  FILE.json  an article object or an array of them: {\"id\", \"text\", \"title\"?, \"url\"?, \"outlet\"?, \"lang\"?, \"published\"?}
  no FILE    the embedded seed corpus
  --json     print the factpanel/1 JSON document instead of a table
  --lang L   the table's language: fr or en (default: the language most sources are in)
  --mentions list every mention the extractor recognized (factpanel-mentions/1)
  --batch    one event per line: an array of articles, or {\"id\", \"articles\"}; prints one
             factpanel/1 document per line in input order (an {\"error\"} line for a bad event),
             analysing events in parallel; exit code 1 when some event failed";

struct Options {
    json: bool,
    lang: Option<Lang>,
    mentions: bool,
    batch: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options { json: false, lang: None, mentions: false, batch: None, files: Vec::new() };
    let mut only_files = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            _ if only_files => o.files.push(a),
            "--json" => o.json = true,
            "--mentions" => o.mentions = true,
            "--lang" => {
                let tags = || Lang::all().map(Lang::tag).collect::<Vec<_>>().join("|");
                let l = args.next().ok_or_else(|| format!("--lang needs a language: {}", tags()))?;
                o.lang = Some(Lang::find(&l).ok_or_else(|| format!("--lang {l:?}: expected {}", tags()))?);
            }
            "--batch" => o.batch = Some(args.next().ok_or("--batch needs a file (or - for standard input)")?),
            "--" => only_files = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s:?}")),
            _ => o.files.push(a),
        }
    }
    if o.batch.is_some() && (o.mentions || !o.files.is_empty()) {
        return Err("--batch takes its events from one file: no FILE, no --mentions".into());
    }
    Ok(o)
}

/// Reads one file into articles; errors name the file.
fn read_file(path: &str) -> Result<Vec<Article>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not valid UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
    let p = Path::new(path);
    let is_json = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let articles = factpanel::parse_articles_json(&text).map_err(|e| format!("{path}: {e}"))?;
        if articles.is_empty() {
            return Err(format!("{path}: an empty array: expected at least one article"));
        }
        return Ok(articles);
    }
    if text.trim().is_empty() {
        return Err(format!("{path}: empty text"));
    }
    let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or(path).to_string();
    Ok(vec![Article::new(id, text)])
}

fn load(files: &[String]) -> Result<Vec<Article>, String> {
    if files.is_empty() {
        return Ok(factpanel::corpus::articles());
    }
    let mut out: Vec<(String, Article)> = Vec::new();
    for f in files {
        for a in read_file(f)? {
            if let Some((other, _)) = out.iter().find(|(_, b)| b.id == a.id) {
                return Err(format!("{f}: duplicate article id {:?} (also in {other})", a.id));
            }
            out.push((f.clone(), a));
        }
    }
    // Errors the core finds (empty text in JSON, bad ids) name the file too.
    for (f, a) in &out {
        if let Err(e) = factpanel::validate(std::slice::from_ref(a)) {
            return Err(format!("{f}: {e}"));
        }
    }
    Ok(out.into_iter().map(|(_, a)| a).collect())
}

fn table(doc: &Document, lang: Option<Lang>) -> String {
    // The language most sources are in, the first pack's on a tie.
    let lang = lang.unwrap_or_else(|| {
        let count = |l: Lang| doc.sources.iter().filter(|s| Lang::from_tag(&s.lang) == l).count();
        Lang::all().fold((Lang::default(), 0), |best, l| if count(l) > best.1 { (l, count(l)) } else { best }).0
    });
    let mut s = String::new();
    let on = doc.sources.iter().filter(|x| x.on_event).count();
    s.push_str(&format::event_label(doc, lang).to_string());
    if let Some(d) = &doc.event.date {
        s.push_str(&format!(" — {}", format::date(d, lang)));
    }
    let rooms = factpanel::copies::Newsrooms::new(&doc.sources);
    s.push_str(&format!("\n{}\n\n", format::coverage_in_newsrooms(on, doc.sources.len(), rooms.on_event(), lang)));
    for f in &doc.facts {
        let (sources, newsrooms, less, disp) = factpanel::panel::support(&rooms, f);
        s.push_str(&format!(
            "{:<12} {}\n             {}  {}\n",
            format!("[{}]", format::status(f.status, lang)),
            format::fact_label(f, doc, lang),
            format::fact_value(f, doc, lang),
            if newsrooms < sources {
                format!("— {}", format::support_in_newsrooms(sources, newsrooms, less, disp, lang))
            } else {
                format!("({})", format::source_count(sources, lang))
            },
        ));
        for c in &f.claims {
            let who = format::said_by(c.said_by.as_ref(), doc, lang);
            let quote: String = c.quote.split_whitespace().collect::<Vec<_>>().join(" ");
            let quote = if quote.chars().count() > 110 {
                format!("{}…", quote.chars().take(110).collect::<String>())
            } else {
                quote
            };
            s.push_str(&format!(
                "             - {} [{}]{}: «{}»\n",
                c.source,
                c.value.text.as_deref().unwrap_or(""),
                if who.is_empty() { String::new() } else { format!(" {who}") },
                quote
            ));
            if let Some(n) = &c.date_note {
                s.push_str(&format!("               ({})\n", format::date_note(n, c, f, lang)));
            }
        }
    }
    s.push_str("\nSources\n");
    for (i, src) in doc.sources.iter().enumerate() {
        let mark = if src.on_event { "✓" } else { "✗" };
        let wire = src.wire.as_deref().map(|w| format!("  ({})", format::wire_credit(w, lang))).unwrap_or_default();
        s.push_str(&format!("  {mark} {}  {}{wire}\n", src.id, src.title));
        if let Some(o) = rooms.original(i) {
            let w = src.wire.as_deref().or(doc.sources[o].wire.as_deref());
            s.push_str(&format!("      {}\n", format::copy_note(o + 1, w, lang)));
        }
        if let Some(n) = &src.note {
            s.push_str(&format!("      {n}\n"));
        }
    }
    s
}

fn mentions_table(m: &MentionsDocument) -> String {
    let mut s = String::new();
    for x in &m.mentions {
        s.push_str(&format!("{}\t{}\t{}..{}\t{}\t{}\t{}\n", x.source, x.kind, x.start, x.end, x.text, x.value, x.rule));
    }
    s
}

/// `--batch`: many events, one per line, in parallel (native only: the
/// browser tests' build compiles this binary for wasm32 too).
#[cfg(not(target_arch = "wasm32"))]
mod batch {
    use factpanel::Article;
    use std::io::Write;

    /// Events are read and answered this many lines at a time (per thread):
    /// memory stays flat however many events the file holds.
    const BATCH_CHUNK: usize = 64;

    /// The articles of one batch line: an array of articles, or `{"id",
    /// "articles"}`; `Err` is the message of its error line.
    fn event_articles(line: &str) -> Result<(Option<String>, Vec<Article>), (Option<String>, String)> {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| (None, format!("not valid JSON ({e})")))?;
        let (id, articles) = match &value {
            serde_json::Value::Array(_) => (None, &value),
            serde_json::Value::Object(m) => {
                let id = match m.get("id") {
                    None => None,
                    Some(serde_json::Value::String(s)) => Some(s.clone()),
                    Some(_) => return Err((None, "\"id\" must be a string".into())),
                };
                if let Some(k) = m.keys().find(|k| *k != "id" && *k != "articles") {
                    return Err((id, format!("unknown field {k:?} (expected \"id\" and \"articles\")")));
                }
                (id, m.get("articles").ok_or_else(|| (None, "no \"articles\"".to_string()))?)
            }
            _ => return Err((None, "expected an array of articles or {\"id\", \"articles\"}".into())),
        };
        if !articles.is_array() {
            return Err((id, "\"articles\" must be an array of articles".into()));
        }
        match factpanel::articles_from_value(articles) {
            Ok(a) => Ok((id, a)),
            Err(e) => Err((id, e.to_string())),
        }
    }

    /// One output line for input line `n` (1-based): the document, or an error
    /// naming the line and the event.
    fn event_line(n: usize, line: &str) -> (bool, String) {
        let answer = event_articles(line).and_then(|(id, articles)| match factpanel::analyze(&articles) {
            Ok(doc) => Ok(serde_json::to_string(&doc).expect("documents serialize")),
            Err(e) => Err((id, e.to_string())),
        });
        match answer {
            Ok(json) => (true, json),
            Err((id, message)) => {
                let error = serde_json::json!({ "error": { "line": n, "id": id, "message": message } });
                (false, error.to_string())
            }
        }
    }

    /// `--batch`: every event of `path` (`-`: standard input), answered in
    /// input order, analysed in parallel a chunk at a time. Returns whether
    /// every event was answered with a document.
    pub fn batch(path: &str) -> Result<bool, String> {
        use rayon::prelude::*;
        use std::io::BufRead;
        let input: Box<dyn BufRead> = if path == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path).map_err(|e| format!("{path}: cannot read: {e}"))?,
            ))
        };
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let chunk = BATCH_CHUNK * rayon::current_num_threads();
        let mut lines: Vec<(usize, String)> = Vec::with_capacity(chunk);
        let mut all_ok = true;
        let mut flush = |lines: &mut Vec<(usize, String)>, out: &mut dyn Write| -> Result<(), String> {
            let answers: Vec<(bool, String)> = lines.par_iter().map(|(n, l)| event_line(*n, l)).collect();
            for (ok, a) in answers {
                all_ok &= ok;
                writeln!(out, "{a}").map_err(|e| format!("cannot write: {e}"))?;
            }
            lines.clear();
            Ok(())
        };
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| format!("{path}: line {}: {e}", i + 1))?;
            // Blank lines are no events.
            if !line.trim().is_empty() {
                lines.push((i + 1, line));
            }
            if lines.len() == chunk {
                flush(&mut lines, &mut out)?;
            }
        }
        flush(&mut lines, &mut out)?;
        out.flush().map_err(|e| format!("cannot write: {e}"))?;
        Ok(all_ok)
    }
}

#[cfg(target_arch = "wasm32")]
mod batch {
    pub fn batch(_: &str) -> Result<bool, String> {
        Err("--batch needs a native build".into())
    }
}

fn run() -> Result<String, (u8, String)> {
    let o = parse_args().map_err(|e| {
        if e.is_empty() {
            (0, USAGE.to_string())
        } else {
            (2, format!("factpanel: {e}\n{USAGE}"))
        }
    })?;
    if let Some(path) = &o.batch {
        return match batch::batch(path) {
            Ok(true) => Ok(String::new()),
            Ok(false) => Err((1, String::new())),
            Err(e) => Err((2, format!("factpanel: {e}"))),
        };
    }
    let articles = load(&o.files).map_err(|e| (2, format!("factpanel: {e}")))?;
    if o.mentions {
        let m = factpanel::mentions(&articles).map_err(|e| (2, format!("factpanel: {e}")))?;
        return Ok(if o.json {
            serde_json::to_string_pretty(&m).expect("mentions serialize") + "\n"
        } else {
            mentions_table(&m)
        });
    }
    let doc = factpanel::analyze(&articles).map_err(|e| (2, format!("factpanel: {e}")))?;
    Ok(if o.json { factpanel::to_json(&doc) + "\n" } else { table(&doc, o.lang) })
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            if stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err((0, usage)) => {
            println!("{usage}");
            ExitCode::SUCCESS
        }
        Err((code, msg)) => {
            if !msg.is_empty() {
                eprintln!("{msg}");
            }
            ExitCode::from(code)
        }
    }
}
