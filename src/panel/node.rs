//! The view tree: [`Node`], the tags and attributes it may hold, and its
//! HTML writer.

/// One node of the view tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element; tag and attribute names come from this module only.
    Element {
        /// Lower-case tag name (one of [`TAGS`]).
        tag: &'static str,
        /// Attributes, in order (names from [`ATTRS`]).
        attrs: Vec<(&'static str, String)>,
        /// Child nodes.
        children: Vec<Node>,
    },
    /// Text, shown as is.
    Text(String),
}

/// Every tag the panel uses. The DOM builder refuses any other.
pub const TAGS: &[&str] = &[
    "a",
    "article",
    "blockquote",
    "button",
    "cite",
    "div",
    "h2",
    "h3",
    "h4",
    "header",
    "li",
    "mark",
    "ol",
    "p",
    "section",
    "span",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
];

/// Every attribute name the panel uses. The DOM builder refuses any other
/// (no `on*`, no `style`, no `src`).
pub const ATTRS: &[&str] = &[
    "aria-controls",
    "aria-expanded",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "class",
    "data-agreement",
    "data-claim",
    "data-claims",
    "data-fact",
    "data-kind",
    "data-source",
    "data-status",
    "datetime",
    "hidden",
    "href",
    "id",
    "lang",
    "part",
    "rel",
    "role",
    "scope",
    "tabindex",
    "target",
    "title",
    "type",
];

impl Node {
    /// A new element without attributes or children.
    pub fn el(tag: &'static str) -> Node {
        debug_assert!(TAGS.contains(&tag), "tag {tag} is not in TAGS");
        Node::Element { tag, attrs: Vec::new(), children: Vec::new() }
    }

    /// A text node.
    pub fn text(s: impl Into<String>) -> Node {
        Node::Text(s.into())
    }

    /// Adds an attribute (builder style).
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Node {
        debug_assert!(ATTRS.contains(&name), "attribute {name} is not in ATTRS");
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value.into()));
        }
        self
    }

    /// Adds a child (builder style).
    pub fn child(mut self, node: Node) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    /// Adds children (builder style).
    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.extend(nodes);
        }
        self
    }

    /// Adds a text child (builder style).
    pub fn push_text(self, s: impl Into<String>) -> Node {
        self.child(Node::text(s))
    }

    /// The tag, for an element.
    pub fn tag(&self) -> Option<&'static str> {
        match self {
            Node::Element { tag, .. } => Some(tag),
            Node::Text(_) => None,
        }
    }

    /// The value of an attribute, for an element that has it.
    pub fn get_attr(&self, name: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    /// Whether the element's `class` lists `class`.
    pub fn has_class(&self, class: &str) -> bool {
        self.get_attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }

    /// The children (none for text).
    pub fn child_nodes(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// All the text below this node, concatenated, as the DOM's
    /// `textContent` gives it.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    pub(super) fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element { children, .. } => children.iter().for_each(|c| c.collect_text(out)),
        }
    }

    /// Every node below (and including) this one that satisfies `pred`, in
    /// document order.
    pub fn find_all<'a>(&'a self, pred: &dyn Fn(&Node) -> bool) -> Vec<&'a Node> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if pred(n) {
                out.push(n);
            }
        });
        out
    }

    /// Every element with the given class, in document order.
    pub fn by_class(&self, class: &str) -> Vec<&Node> {
        self.find_all(&|n| n.has_class(class))
    }

    pub(super) fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node)) {
        f(self);
        for c in self.child_nodes() {
            c.walk(f);
        }
    }

    /// The tree as HTML, every text and attribute value escaped. For tests,
    /// snapshots and server-side use; the browser builds DOM nodes instead.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    pub(super) fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(t) => escape_into(t, out),
            Node::Element { tag, attrs, children } => {
                out.push('<');
                out.push_str(tag);
                for (k, v) in attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_into(v, out);
                    out.push('"');
                }
                out.push('>');
                children.iter().for_each(|c| c.write_html(out));
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }
}

pub(super) fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
