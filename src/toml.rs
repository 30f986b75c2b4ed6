//! A reader for the subset of TOML the rules files use, producing a
//! `serde_json::Value` that the typed rules then deserialize from.
//!
//! A full TOML crate costs more than the rest of the wasm module put
//! together; the rules need only this:
//!
//! | TOML                              | value                              |
//! |-----------------------------------|------------------------------------|
//! | `# comment`                       | ignored                            |
//! | `[table]`, `[a.b]`                | nested objects                     |
//! | `[[array]]`                       | an array of objects                |
//! | `key = "text"`, `key = 'text'`    | string (`\"`, `\\`, `\n`, `\t`, `\uXXXX`) |
//! | `key = 12`, `key = -3`, `key = 0.1` | number                           |
//! | `key = true`                      | boolean                            |
//! | `key = [1, "a", [2]]`             | array, over several lines, trailing comma allowed |
//! | `key = { a = 1 }`                 | object                             |
//!
//! Errors give the line and what was expected.

use serde_json::{Map, Value};

/// Parses the TOML subset into a JSON object.
pub fn parse(src: &str) -> Result<Value, String> {
    let mut p = Parser { s: src.as_bytes(), src, i: 0, line: 1 };
    let mut root = Map::new();
    // The path of the current table; `true` when its last part is an array
    // of tables (then the current table is that array's last element).
    let mut path: Vec<String> = Vec::new();
    let mut array_table = false;
    loop {
        p.skip_ws_lines();
        let Some(c) = p.peek() else { break };
        if c == b'[' {
            p.i += 1;
            array_table = p.peek() == Some(b'[');
            if array_table {
                p.i += 1;
            }
            let mut parts = vec![p.key()?];
            p.skip_inline_ws();
            while p.peek() == Some(b'.') {
                p.i += 1;
                parts.push(p.key()?);
                p.skip_inline_ws();
            }
            p.expect(b']')?;
            if array_table {
                p.expect(b']')?;
            }
            let line = p.line;
            p.end_of_line()?;
            let parent = table_at(&mut root, &parts[..parts.len() - 1], line)?;
            let last = parts.last().expect("one part at least").clone();
            if array_table {
                let arr = parent.entry(last.clone()).or_insert_with(|| Value::Array(Vec::new()));
                match arr {
                    Value::Array(a) => a.push(Value::Object(Map::new())),
                    _ => return Err(format!("line {line}: [[{last}]] but {last} is not an array of tables")),
                }
            } else {
                parent.entry(last).or_insert_with(|| Value::Object(Map::new()));
            }
            path = parts;
            continue;
        }
        let key = p.key()?;
        p.skip_inline_ws();
        p.expect(b'=')?;
        p.skip_inline_ws();
        let v = p.value()?;
        let line = p.line;
        p.end_of_line()?;
        let table = current(&mut root, &path, array_table, line)?;
        if table.insert(key.clone(), v).is_some() {
            return Err(format!("line {line}: key {key:?} is defined twice"));
        }
    }
    Ok(Value::Object(root))
}

fn table_at<'a>(
    root: &'a mut Map<String, Value>,
    parts: &[String],
    line: usize,
) -> Result<&'a mut Map<String, Value>, String> {
    let mut t = root;
    for part in parts {
        let v = t.entry(part.clone()).or_insert_with(|| Value::Object(Map::new()));
        t = match v {
            Value::Object(m) => m,
            Value::Array(a) => match a.last_mut() {
                Some(Value::Object(m)) => m,
                _ => return Err(format!("line {line}: {part} is not a table")),
            },
            _ => return Err(format!("line {line}: {part} is not a table")),
        };
    }
    Ok(t)
}

fn current<'a>(
    root: &'a mut Map<String, Value>,
    path: &[String],
    array_table: bool,
    line: usize,
) -> Result<&'a mut Map<String, Value>, String> {
    if path.is_empty() {
        return Ok(root);
    }
    let parent = table_at(root, &path[..path.len() - 1], line)?;
    let last = &path[path.len() - 1];
    match parent.get_mut(last) {
        Some(Value::Array(a)) if array_table => match a.last_mut() {
            Some(Value::Object(m)) => Ok(m),
            _ => Err(format!("line {line}: bad array of tables {last}")),
        },
        Some(Value::Object(m)) => Ok(m),
        _ => Err(format!("line {line}: {last} is not a table")),
    }
}

/// A plain decimal ("0.15", "-2.5"), read without the general float parser
/// (which weighs several kilobytes in the wasm module).
fn decimal(text: &str) -> Option<f64> {
    let (neg, t) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = t.split_once('.')?;
    if int.is_empty() || frac.is_empty() || frac.len() > 9 || int.len() > 15 {
        return None;
    }
    let i: u64 = int.parse().ok()?;
    let f: u64 = frac.parse().ok()?;
    let v = i as f64 + f as f64 / 10f64.powi(frac.len() as i32);
    Some(if neg { -v } else { v })
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
    line: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err<T>(&self, what: &str) -> Result<T, String> {
        let found = match self.peek() {
            None => "the end of the file".to_string(),
            Some(b'\n') => "the end of the line".to_string(),
            Some(_) => {
                let rest = &self.src[self.i..];
                format!("{:?}", rest.chars().take(12).collect::<String>())
            }
        };
        Err(format!("line {}: expected {what}, found {found}", self.line))
    }

    fn skip_inline_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
            self.i += 1;
        }
    }

    fn skip_comment(&mut self) {
        if self.peek() == Some(b'#') {
            while !matches!(self.peek(), None | Some(b'\n')) {
                self.i += 1;
            }
        }
    }

    /// Skips white space, comments and line breaks.
    fn skip_ws_lines(&mut self) {
        loop {
            self.skip_inline_ws();
            self.skip_comment();
            if self.peek() == Some(b'\n') {
                self.i += 1;
                self.line += 1;
            } else {
                break;
            }
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            self.err(&format!("{:?}", c as char))
        }
    }

    fn end_of_line(&mut self) -> Result<(), String> {
        self.skip_inline_ws();
        self.skip_comment();
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.i += 1;
                self.line += 1;
                Ok(())
            }
            _ => self.err("the end of the line"),
        }
    }

    fn key(&mut self) -> Result<String, String> {
        self.skip_inline_ws();
        match self.peek() {
            Some(b'"') => self.basic_string(),
            Some(b'\'') => self.literal_string(),
            _ => {
                let start = self.i;
                while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-') {
                    self.i += 1;
                }
                if start == self.i {
                    return self.err("a key");
                }
                Ok(self.src[start..self.i].to_string())
            }
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            Some(b'"') => self.basic_string().map(Value::String),
            Some(b'\'') => self.literal_string().map(Value::String),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws_lines();
                    if self.peek() == Some(b']') {
                        self.i += 1;
                        break;
                    }
                    items.push(self.value()?);
                    self.skip_ws_lines();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {}
                        _ => return self.err("',' or ']' in an array"),
                    }
                }
                Ok(Value::Array(items))
            }
            Some(b'{') => {
                self.i += 1;
                let mut m = Map::new();
                loop {
                    self.skip_inline_ws();
                    if self.peek() == Some(b'}') {
                        self.i += 1;
                        break;
                    }
                    let k = self.key()?;
                    self.skip_inline_ws();
                    self.expect(b'=')?;
                    self.skip_inline_ws();
                    let v = self.value()?;
                    m.insert(k, v);
                    self.skip_inline_ws();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {}
                        _ => return self.err("',' or '}' in an inline table"),
                    }
                }
                Ok(Value::Object(m))
            }
            Some(b't') if self.s[self.i..].starts_with(b"true") => {
                self.i += 4;
                Ok(Value::Bool(true))
            }
            Some(b'f') if self.s[self.i..].starts_with(b"false") => {
                self.i += 5;
                Ok(Value::Bool(false))
            }
            Some(c) if c == b'-' || c == b'+' || c.is_ascii_digit() => {
                let start = self.i;
                self.i += 1;
                while matches!(self.peek(), Some(c) if c.is_ascii_digit() || c == b'.' || c == b'_') {
                    self.i += 1;
                }
                let text: String = self.src[start..self.i].chars().filter(|&c| c != '_').collect();
                if text.contains('.') {
                    match decimal(&text).and_then(serde_json::Number::from_f64) {
                        Some(n) => Ok(Value::Number(n)),
                        None => self.err("a number"),
                    }
                } else {
                    match text.parse::<i64>() {
                        Ok(n) => Ok(Value::Number(n.into())),
                        Err(_) => self.err("a number"),
                    }
                }
            }
            _ => self.err("a value (string, number, boolean, array or table)"),
        }
    }

    fn literal_string(&mut self) -> Result<String, String> {
        self.expect(b'\'')?;
        let start = self.i;
        while !matches!(self.peek(), None | Some(b'\'' | b'\n')) {
            self.i += 1;
        }
        let s = self.src[start..self.i].to_string();
        self.expect(b'\'')?;
        Ok(s)
    }

    fn basic_string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = String::new();
        let mut start = self.i;
        loop {
            match self.peek() {
                None | Some(b'\n') => return self.err("a closing '\"'"),
                Some(b'"') => {
                    out.push_str(&self.src[start..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.src[start..self.i]);
                    self.i += 1;
                    let c = self.peek();
                    self.i += 1;
                    match c {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(b'r') => out.push('\r'),
                        Some(b'u') => {
                            let hex = self.src.get(self.i..self.i + 4).unwrap_or("");
                            let ch = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                            match ch {
                                Some(ch) => out.push(ch),
                                None => return self.err("four hex digits after \\u"),
                            }
                            self.i += 4;
                        }
                        _ => {
                            self.i -= 1;
                            return self.err("an escape (\\\", \\\\, \\n, \\t, \\r, \\uXXXX)");
                        }
                    }
                    start = self.i;
                }
                Some(_) => self.i += 1,
            }
        }
    }
}

/// A table being read into typed rules: every getter names the table in its
/// error, and [`Table::finish`] rejects keys nobody asked for (a typo in a
/// rules file is an error, not a silently ignored rule).
pub struct Table<'a> {
    map: &'a Map<String, Value>,
    ctx: String,
    used: std::cell::RefCell<Vec<&'a str>>,
}

impl<'a> Table<'a> {
    /// Wraps an object; `ctx` names it in errors ("rule \"x\"").
    pub fn new(v: &'a Value, ctx: impl Into<String>) -> Result<Self, String> {
        let ctx = ctx.into();
        match v {
            Value::Object(map) => Ok(Table { map, ctx, used: Default::default() }),
            _ => Err(format!("{ctx}: expected a table")),
        }
    }

    fn get(&self, key: &'a str) -> Option<&'a Value> {
        let (k, v) = self.map.get_key_value(key)?;
        self.used.borrow_mut().push(k.as_str());
        Some(v)
    }

    fn need(&self, key: &'a str) -> Result<&'a Value, String> {
        self.get(key).ok_or_else(|| format!("{}: missing key {key:?}", self.ctx))
    }

    fn bad<T>(&self, key: &str, what: &str) -> Result<T, String> {
        Err(format!("{}: {key:?} must be {what}", self.ctx))
    }

    /// A string.
    pub fn str(&self, key: &'a str) -> Result<String, String> {
        match self.need(key)? {
            Value::String(s) => Ok(s.clone()),
            _ => self.bad(key, "a string"),
        }
    }

    /// The raw value of a key, if present (marks it read).
    pub fn raw(&self, key: &'a str) -> Option<&'a Value> {
        self.get(key)
    }

    /// An optional string; `null` counts as absent.
    pub fn opt_str_or_null(&self, key: &'a str) -> Result<Option<String>, String> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => self.bad(key, "a string or null"),
        }
    }

    /// An optional string.
    pub fn opt_str(&self, key: &'a str) -> Result<Option<String>, String> {
        if self.map.contains_key(key) {
            self.str(key).map(Some)
        } else {
            Ok(None)
        }
    }

    /// A list of strings (absent = empty when `optional`).
    pub fn strs(&self, key: &'a str) -> Result<Vec<String>, String> {
        match self.need(key)? {
            Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().map(str::to_string).ok_or(()))
                .collect::<Result<_, _>>()
                .or_else(|_| self.bad(key, "a list of strings")),
            _ => self.bad(key, "a list of strings"),
        }
    }

    /// An optional list of strings; absent is empty.
    pub fn opt_strs(&self, key: &'a str) -> Result<Vec<String>, String> {
        if self.map.contains_key(key) {
            self.strs(key)
        } else {
            Ok(Vec::new())
        }
    }

    /// A list of lists of strings.
    pub fn str_lists(&self, key: &'a str) -> Result<Vec<Vec<String>>, String> {
        match self.need(key)? {
            Value::Array(a) => a
                .iter()
                .map(|x| match x {
                    Value::Array(inner) => inner.iter().map(|y| y.as_str().map(str::to_string).ok_or(())).collect(),
                    _ => Err(()),
                })
                .collect::<Result<_, _>>()
                .or_else(|_| self.bad(key, "a list of lists of strings")),
            _ => self.bad(key, "a list of lists of strings"),
        }
    }

    /// A whole number that fits `u32`.
    pub fn uint(&self, key: &'a str) -> Result<u32, String> {
        match self.need(key)?.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(n),
            None => self.bad(key, "a whole number"),
        }
    }

    /// An optional whole number.
    pub fn opt_uint(&self, key: &'a str) -> Result<Option<u32>, String> {
        if self.map.contains_key(key) {
            self.uint(key).map(Some)
        } else {
            Ok(None)
        }
    }

    /// A number.
    pub fn float(&self, key: &'a str) -> Result<f64, String> {
        match self.need(key)?.as_f64() {
            Some(n) => Ok(n),
            None => self.bad(key, "a number"),
        }
    }

    /// A boolean; absent is false.
    pub fn flag(&self, key: &'a str) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => self.bad(key, "true or false"),
        }
    }

    /// A sub-table.
    pub fn table(&self, key: &'a str) -> Result<Table<'a>, String> {
        let ctx = format!("{}.{key}", self.ctx);
        Table::new(self.need(key)?, ctx)
    }

    /// An array of tables (`[[key]]`); absent is empty.
    pub fn tables(&self, key: &'a str) -> Result<Vec<Table<'a>>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(a)) => {
                a.iter().enumerate().map(|(i, v)| Table::new(v, format!("[[{key}]] #{}", i + 1))).collect()
            }
            Some(_) => self.bad(key, "an array of tables"),
        }
    }

    /// Every key of this table with its list of strings.
    pub fn str_map(&self) -> Result<Vec<(String, Vec<String>)>, String> {
        self.map.keys().map(|k| Ok((k.clone(), self.strs(k)?))).collect()
    }

    /// Every key of this table with its string.
    pub fn string_map(&self) -> Result<Vec<(String, String)>, String> {
        self.map.keys().map(|k| Ok((k.clone(), self.str(k)?))).collect()
    }

    /// Ends the reading: an error names any key that was not read.
    pub fn finish(self) -> Result<(), String> {
        let used = self.used.borrow();
        match self.map.keys().find(|k| !used.contains(&k.as_str())) {
            Some(k) => Err(format!("{}: unknown key {k:?}", self.ctx)),
            None => Ok(()),
        }
    }

    /// The value among a closed set of names: `set` pairs each name with
    /// its value; an unknown name is an error listing the expected ones.
    pub fn one_of<T: Copy>(&self, key: &str, value: &str, set: &[(&str, T)]) -> Result<T, String> {
        set.iter().find(|(n, _)| *n == value).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = set.iter().map(|(n, _)| *n).collect();
            format!("{}: {key:?} is {value:?}, expected one of {}", self.ctx, names.join(", "))
        })
    }

    /// The context named in errors.
    pub fn ctx(&self) -> &str {
        &self.ctx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_subset() {
        let v = parse(
            r#"
# comment
top = 1
[a]
s = "x \"y\" \u00e9" # trailing comment
l = 'lit\eral'
f = 0.25
flag = true
arr = [
  "one", # inside
  ["two", 3],
]
[a.b]
n = -2
[[r]]
id = "first"
[[r]]
id = "second"
t = { k = "v" }
"#,
        )
        .unwrap();
        assert_eq!(v["top"], json!(1));
        assert_eq!(v["a"]["l"], json!("lit\\eral"));
        assert_eq!(v["a"]["b"]["n"], json!(-2));

        assert_eq!(v["r"][1]["t"]["k"], json!("v"));
        assert_eq!(v["a"]["arr"][1][1], json!(3));
        assert_eq!(v["a"]["s"], json!("x \"y\" é"));
        assert_eq!(v["a"]["f"], json!(0.25));
        assert_eq!(decimal("0.15"), Some(0.15));
        assert_eq!(decimal("-2.5"), Some(-2.5));
        assert_eq!(decimal("1."), None);
    }

    #[test]
    fn errors_name_the_line_and_what_was_expected() {
        assert_eq!(
            parse("a = \n").unwrap_err(),
            "line 1: expected a value (string, number, boolean, array or table), found the end of the line"
        );
        assert!(parse("[x]\na = 1\na = 2\n").unwrap_err().contains("line 3: key \"a\" is defined twice"));
        assert!(parse("a = [1 2]").unwrap_err().contains("expected ',' or ']'"));
        assert!(parse("a = \"open").unwrap_err().contains("closing"));
    }
}
