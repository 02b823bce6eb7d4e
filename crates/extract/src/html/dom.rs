//! A compact arena DOM that html5ever builds directly.
//!
//! What it does: implements html5ever's [`TreeSink`] over one `Vec` of nodes
//! linked by `u32` indices (no `Rc`/`RefCell` per node), with all text in one
//! `String` and only the attributes extraction looks at. Text that can never
//! be article text (scripts, styles, `<noscript>`, `<template>`, SVG and
//! MathML, form controls) is dropped as it arrives, as are comments, so a page
//! whose bytes are mostly script costs little more than its visible text.
//! JSON-LD scripts are the exception: their text is kept for the metadata.
//!
//! What it doesn't: keep a faithful copy of the page. Unknown attributes,
//! comments, doctypes and processing instructions are gone, and so it cannot
//! serialize HTML back. Every walk over it is iterative ([`Traverse`]), so
//! nesting depth is bounded only by memory.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, ParseOpts, QualName, local_name, ns};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = u32;

/// "No node": the end of a sibling chain, the parent of the root.
pub(crate) const NONE: NodeId = u32::MAX;

/// The document node is always the first.
pub(crate) const DOCUMENT: NodeId = 0;

/// Where comments and processing instructions go: a node that is never
/// linked into the tree, so anything appended as it disappears.
const JUNK: NodeId = 1;

/// The elements extraction tells apart; everything else is [`Tag::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    Document,
    Fragment,
    Junk,
    Text,
    Other,
    /// An element outside the HTML namespace (SVG, MathML).
    Foreign,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    /// `<script type="application/ld+json">`, whose text is kept.
    JsonLd,
    Style,
    Noscript,
    Template,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Map,
    Article,
    Main,
    Section,
    Div,
    Span,
    P,
    Br,
    Hr,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Blockquote,
    Pre,
    Code,
    A,
    Img,
    Picture,
    Figure,
    Figcaption,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Button,
    Input,
    Select,
    Option,
    Textarea,
    Label,
    Fieldset,
    Time,
    Address,
    Details,
    Summary,
    Dialog,
    Menu,
    Center,
    Font,
    /// Phrasing elements with no meaning for extraction (`b`, `em`, `sup`…).
    Inline,
}

impl Tag {
    fn of(name: &QualName) -> Tag {
        if name.ns != ns!(html) {
            return Tag::Foreign;
        }
        match name.local {
            local_name!("html") => Tag::Html,
            local_name!("head") => Tag::Head,
            local_name!("body") => Tag::Body,
            local_name!("title") => Tag::Title,
            local_name!("meta") => Tag::Meta,
            local_name!("link") => Tag::Link,
            local_name!("base") => Tag::Base,
            local_name!("script") => Tag::Script,
            local_name!("style") => Tag::Style,
            local_name!("noscript") => Tag::Noscript,
            local_name!("template") => Tag::Template,
            local_name!("iframe") | local_name!("frame") | local_name!("frameset") => Tag::Iframe,
            local_name!("object") | local_name!("applet") => Tag::Object,
            local_name!("embed") | local_name!("noembed") | local_name!("noframes") => Tag::Embed,
            local_name!("xmp") | local_name!("plaintext") => Tag::Embed,
            local_name!("canvas") => Tag::Canvas,
            local_name!("video") => Tag::Video,
            local_name!("audio") => Tag::Audio,
            local_name!("map") => Tag::Map,
            local_name!("article") => Tag::Article,
            local_name!("main") => Tag::Main,
            local_name!("section") => Tag::Section,
            local_name!("div") => Tag::Div,
            local_name!("span") => Tag::Span,
            local_name!("p") => Tag::P,
            local_name!("br") => Tag::Br,
            local_name!("hr") => Tag::Hr,
            local_name!("h1") => Tag::H1,
            local_name!("h2") => Tag::H2,
            local_name!("h3") => Tag::H3,
            local_name!("h4") => Tag::H4,
            local_name!("h5") => Tag::H5,
            local_name!("h6") => Tag::H6,
            local_name!("ul") => Tag::Ul,
            local_name!("ol") => Tag::Ol,
            local_name!("li") => Tag::Li,
            local_name!("dl") => Tag::Dl,
            local_name!("dt") => Tag::Dt,
            local_name!("dd") => Tag::Dd,
            local_name!("table") => Tag::Table,
            local_name!("caption") => Tag::Caption,
            local_name!("thead") => Tag::Thead,
            local_name!("tbody") => Tag::Tbody,
            local_name!("tfoot") => Tag::Tfoot,
            local_name!("tr") => Tag::Tr,
            local_name!("td") => Tag::Td,
            local_name!("th") => Tag::Th,
            local_name!("blockquote") => Tag::Blockquote,
            local_name!("pre") | local_name!("listing") => Tag::Pre,
            local_name!("code") => Tag::Code,
            local_name!("a") => Tag::A,
            local_name!("img") => Tag::Img,
            local_name!("picture") => Tag::Picture,
            local_name!("figure") => Tag::Figure,
            local_name!("figcaption") => Tag::Figcaption,
            local_name!("nav") => Tag::Nav,
            local_name!("header") => Tag::Header,
            local_name!("footer") => Tag::Footer,
            local_name!("aside") => Tag::Aside,
            local_name!("form") => Tag::Form,
            local_name!("button") => Tag::Button,
            local_name!("input") => Tag::Input,
            local_name!("select") | local_name!("datalist") => Tag::Select,
            local_name!("option") | local_name!("optgroup") => Tag::Option,
            local_name!("textarea") => Tag::Textarea,
            local_name!("label") => Tag::Label,
            local_name!("fieldset") => Tag::Fieldset,
            local_name!("time") => Tag::Time,
            local_name!("address") => Tag::Address,
            local_name!("details") => Tag::Details,
            local_name!("summary") => Tag::Summary,
            local_name!("dialog") => Tag::Dialog,
            local_name!("menu") => Tag::Menu,
            local_name!("center") => Tag::Center,
            local_name!("font") => Tag::Font,
            local_name!("b")
            | local_name!("strong")
            | local_name!("i")
            | local_name!("em")
            | local_name!("u")
            | local_name!("s")
            | local_name!("strike")
            | local_name!("del")
            | local_name!("ins")
            | local_name!("small")
            | local_name!("big")
            | local_name!("sup")
            | local_name!("sub")
            | local_name!("mark")
            | local_name!("abbr")
            | local_name!("acronym")
            | local_name!("cite")
            | local_name!("q")
            | local_name!("dfn")
            | local_name!("kbd")
            | local_name!("samp")
            | local_name!("var")
            | local_name!("tt")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("data")
            | local_name!("nobr")
            | local_name!("wbr")
            | local_name!("ruby")
            | local_name!("rb")
            | local_name!("rt")
            | local_name!("rp") => Tag::Inline,
            _ => Tag::Other,
        }
    }

    /// Elements whose text never belongs in an article and is not stored.
    fn drops_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Fragment
                | Tag::Junk
                | Tag::Foreign
                | Tag::Iframe
                | Tag::Embed
                | Tag::Textarea
                | Tag::Select
                | Tag::Option
        )
    }

    /// Whether the element starts a new line of text when rendered.
    /// Unknown (custom) elements count as inline: most wrap a word or an
    /// image, and blocks inside them still break lines.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text
                | Tag::Other
                | Tag::Span
                | Tag::A
                | Tag::Inline
                | Tag::Font
                | Tag::Code
                | Tag::Time
                | Tag::Label
                | Tag::Img
                | Tag::Picture
                | Tag::Br
        )
    }

    /// `h1`–`h6`.
    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }
}

/// The attributes extraction reads; the rest are not stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttrName {
    Id,
    Class,
    Role,
    Itemprop,
    Itemtype,
    Property,
    Name,
    Content,
    Href,
    Rel,
    Datetime,
    Lang,
    Charset,
    HttpEquiv,
    Type,
}

impl AttrName {
    fn of(name: &QualName) -> Option<AttrName> {
        if name.ns != ns!() {
            return None;
        }
        Some(match name.local {
            local_name!("id") => AttrName::Id,
            local_name!("class") => AttrName::Class,
            local_name!("role") => AttrName::Role,
            local_name!("itemprop") => AttrName::Itemprop,
            local_name!("itemtype") => AttrName::Itemtype,
            local_name!("property") => AttrName::Property,
            local_name!("name") => AttrName::Name,
            local_name!("content") => AttrName::Content,
            local_name!("href") => AttrName::Href,
            local_name!("rel") => AttrName::Rel,
            local_name!("datetime") => AttrName::Datetime,
            local_name!("lang") => AttrName::Lang,
            local_name!("charset") => AttrName::Charset,
            local_name!("http-equiv") => AttrName::HttpEquiv,
            local_name!("type") => AttrName::Type,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug)]
struct Attr {
    name: AttrName,
    start: u32,
    len: u32,
}

/// The element is hidden (`hidden`, `aria-hidden="true"`, `display: none`).
pub(crate) const FLAG_HIDDEN: u8 = 1;

/// One node: an element, a text run, the document or a template fragment.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) parent: NodeId,
    pub(crate) first_child: NodeId,
    pub(crate) last_child: NodeId,
    pub(crate) prev: NodeId,
    pub(crate) next: NodeId,
    pub(crate) tag: Tag,
    pub(crate) flags: u8,
    /// Text nodes: byte range in [`Dom::text`]; elements: range in `attrs`.
    start: u32,
    len: u32,
}

impl Node {
    fn new(tag: Tag) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            tag,
            flags: 0,
            start: 0,
            len: 0,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
    text: String,
    attrs: Vec<Attr>,
    attr_text: String,
}

/// Parses `html` (a whole document) into a [`Dom`].
pub(crate) fn parse(html: &str) -> Dom {
    let html = super::prefilter::strip(html);
    let sink = Sink {
        dom: RefCell::new(Dom::with_capacity(html.len())),
    };
    html5ever::parse_document(sink, ParseOpts::default()).one(StrTendril::from(&*html))
}

impl Dom {
    fn with_capacity(html_len: usize) -> Dom {
        // Visible text is a small part of a page; guesses that avoid most regrowth.
        let mut nodes = Vec::with_capacity(html_len / 160 + 16);
        nodes.push(Node::new(Tag::Document));
        nodes.push(Node::new(Tag::Junk));
        Dom {
            nodes,
            text: String::with_capacity(html_len / 8),
            attrs: Vec::with_capacity(html_len / 200 + 16),
            attr_text: String::with_capacity(html_len / 20),
        }
    }

    /// The number of nodes (ids are `0..len`).
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub(crate) fn tag(&self, id: NodeId) -> Tag {
        self.nodes[id as usize].tag
    }

    pub(crate) fn parent(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].parent
    }

    /// The text of a text node ("" for other nodes).
    pub(crate) fn text(&self, id: NodeId) -> &str {
        let node = &self.nodes[id as usize];
        if node.tag != Tag::Text {
            return "";
        }
        let start = node.start as usize;
        self.text
            .get(start..start + node.len as usize)
            .unwrap_or("")
    }

    /// The value of attribute `name` of element `id`, if stored.
    pub(crate) fn attr(&self, id: NodeId, name: AttrName) -> Option<&str> {
        let node = &self.nodes[id as usize];
        if matches!(
            node.tag,
            Tag::Text | Tag::Document | Tag::Fragment | Tag::Junk
        ) {
            return None;
        }
        let start = node.start as usize;
        let attrs = self.attrs.get(start..start + node.len as usize)?;
        let attr = attrs.iter().find(|a| a.name == name)?;
        let from = attr.start as usize;
        self.attr_text.get(from..from + attr.len as usize)
    }

    /// The first child element with tag `tag` of `id`, in document order
    /// among all descendants.
    pub(crate) fn find_descendant(&self, root: NodeId, tag: Tag) -> Option<NodeId> {
        self.descendants(root).find(|&n| self.tag(n) == tag)
    }

    /// The children of `id`.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// Open/close events for `root` and everything under it, in order.
    pub(crate) fn traverse(&self, root: NodeId) -> Traverse<'_> {
        Traverse {
            dom: self,
            root,
            next: Some(Edge::Open(root)),
        }
    }

    /// `root` and all its descendants in document order (pre-order).
    pub(crate) fn descendants(&self, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.traverse(root).filter_map(|edge| match edge {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }

    /// Whether `ancestor` is `node` or one of its ancestors.
    pub(crate) fn contains(&self, ancestor: NodeId, mut node: NodeId) -> bool {
        while node != NONE {
            if node == ancestor {
                return true;
            }
            node = self.parent(node);
        }
        false
    }

    /// All the text under `root`, with whitespace runs folded to one space
    /// and block boundaries turned into spaces.
    pub(crate) fn text_content(&self, root: NodeId) -> String {
        let mut out = String::new();
        for edge in self.traverse(root) {
            match edge {
                Edge::Open(n) => {
                    let tag = self.tag(n);
                    if tag == Tag::Text {
                        push_folded(&mut out, self.text(n));
                    } else if tag.is_block() || tag == Tag::Br {
                        push_space(&mut out);
                    }
                }
                Edge::Close(n) => {
                    if self.tag(n).is_block() {
                        push_space(&mut out);
                    }
                }
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out
    }

    // ---- building ----

    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId::try_from(self.nodes.len()).unwrap_or(JUNK);
        if id != JUNK {
            self.nodes.push(node);
        }
        id
    }

    fn detach(&mut self, id: NodeId) {
        if id == JUNK || id == DOCUMENT {
            return;
        }
        let Node {
            parent, prev, next, ..
        } = self.nodes[id as usize];
        if parent == NONE {
            return;
        }
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else {
            self.nodes[parent as usize].last_child = prev;
        }
        let node = &mut self.nodes[id as usize];
        node.parent = NONE;
        node.prev = NONE;
        node.next = NONE;
    }

    fn append_node(&mut self, parent: NodeId, child: NodeId) {
        if child == JUNK || parent == JUNK || child == parent {
            return;
        }
        self.detach(child);
        let last = self.nodes[parent as usize].last_child;
        {
            let node = &mut self.nodes[child as usize];
            node.parent = parent;
            node.prev = last;
            node.next = NONE;
        }
        if last != NONE {
            self.nodes[last as usize].next = child;
        } else {
            self.nodes[parent as usize].first_child = child;
        }
        self.nodes[parent as usize].last_child = child;
    }

    fn insert_before(&mut self, sibling: NodeId, child: NodeId) {
        let parent = self.parent(sibling);
        if child == JUNK || parent == NONE || child == sibling {
            return;
        }
        self.detach(child);
        let prev = self.nodes[sibling as usize].prev;
        {
            let node = &mut self.nodes[child as usize];
            node.parent = parent;
            node.prev = prev;
            node.next = sibling;
        }
        self.nodes[sibling as usize].prev = child;
        if prev != NONE {
            self.nodes[prev as usize].next = child;
        } else {
            self.nodes[parent as usize].first_child = child;
        }
    }

    fn keeps_text(&self, parent: NodeId) -> bool {
        parent != NONE && !self.nodes[parent as usize].tag.drops_text()
    }

    fn new_text(&mut self, text: &str) -> NodeId {
        let (Ok(start), Ok(len)) = (u32::try_from(self.text.len()), u32::try_from(text.len()))
        else {
            return JUNK;
        };
        if start.checked_add(len).is_none() {
            return JUNK;
        }
        self.text.push_str(text);
        let mut node = Node::new(Tag::Text);
        node.start = start;
        node.len = len;
        self.push(node)
    }

    /// Appends `text` to text node `id` (adjacent text runs are one node).
    fn extend_text(&mut self, id: NodeId, text: &str) {
        let node = &self.nodes[id as usize];
        let (start, len) = (node.start as usize, node.len as usize);
        let new_len = len + text.len();
        let Ok(new_len32) = u32::try_from(new_len) else {
            return;
        };
        if start + len == self.text.len() {
            if u32::try_from(self.text.len() + text.len()).is_err() {
                return;
            }
            self.text.push_str(text);
            self.nodes[id as usize].len = new_len32;
        } else {
            let Ok(new_start) = u32::try_from(self.text.len()) else {
                return;
            };
            if u32::try_from(self.text.len() + new_len).is_err() {
                return;
            }
            let old = self.text.get(start..start + len).unwrap_or("").to_owned();
            self.text.push_str(&old);
            self.text.push_str(text);
            let node = &mut self.nodes[id as usize];
            node.start = new_start;
            node.len = new_len32;
        }
    }

    fn append_text(&mut self, parent: NodeId, text: &str) {
        if !self.keeps_text(parent) {
            return;
        }
        let last = self.nodes[parent as usize].last_child;
        if last != NONE && self.nodes[last as usize].tag == Tag::Text {
            self.extend_text(last, text);
        } else {
            let id = self.new_text(text);
            self.append_node(parent, id);
        }
    }

    fn insert_text_before(&mut self, sibling: NodeId, text: &str) {
        let parent = self.parent(sibling);
        if !self.keeps_text(parent) {
            return;
        }
        let prev = self.nodes[sibling as usize].prev;
        if prev != NONE && self.nodes[prev as usize].tag == Tag::Text {
            self.extend_text(prev, text);
        } else {
            let id = self.new_text(text);
            self.insert_before(sibling, id);
        }
    }

    fn push_attrs(&mut self, attrs: &[Attribute]) -> (u32, u32, u8) {
        let start = self.attrs.len();
        let mut flags = 0;
        for attr in attrs {
            if attr.name.ns == ns!() {
                match attr.name.local {
                    local_name!("hidden") => flags |= FLAG_HIDDEN,
                    local_name!("aria-hidden") if attr.value.trim() == "true" => {
                        flags |= FLAG_HIDDEN;
                    }
                    local_name!("style") if style_hides(&attr.value) => flags |= FLAG_HIDDEN,
                    _ => {}
                }
            }
            let Some(name) = AttrName::of(&attr.name) else {
                continue;
            };
            let value: &str = &attr.value;
            let (Ok(vstart), Ok(vlen)) = (
                u32::try_from(self.attr_text.len()),
                u32::try_from(value.len()),
            ) else {
                continue;
            };
            if vstart.checked_add(vlen).is_none() {
                continue;
            }
            self.attr_text.push_str(value);
            self.attrs.push(Attr {
                name,
                start: vstart,
                len: vlen,
            });
        }
        let len = self.attrs.len() - start;
        match (u32::try_from(start), u32::try_from(len)) {
            (Ok(start), Ok(len)) => (start, len, flags),
            _ => (0, 0, flags),
        }
    }

    fn create_element(&mut self, name: &QualName, attrs: &[Attribute], template: bool) -> NodeId {
        let mut tag = Tag::of(name);
        let (start, len, flags) = self.push_attrs(attrs);
        let mut node = Node::new(tag);
        node.start = start;
        node.len = len;
        node.flags = flags;
        let id = self.push(node);
        if tag == Tag::Script
            && self
                .attr(id, AttrName::Type)
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            tag = Tag::JsonLd;
            self.nodes[id as usize].tag = tag;
        }
        if template {
            // The contents fragment always follows its template.
            self.push(Node::new(Tag::Fragment));
        }
        id
    }

    fn add_attrs_if_missing(&mut self, id: NodeId, attrs: &[Attribute]) {
        if id == JUNK {
            return;
        }
        let missing: Vec<Attribute> = attrs
            .iter()
            .filter(|a| AttrName::of(&a.name).is_some_and(|n| self.attr(id, n).is_none()))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        // Attribute ranges are contiguous: copy the old ones after the new ones.
        let node = &self.nodes[id as usize];
        let old: Vec<Attr> = self
            .attrs
            .get(node.start as usize..(node.start + node.len) as usize)
            .map(<[Attr]>::to_vec)
            .unwrap_or_default();
        let (start, len, flags) = self.push_attrs(&missing);
        self.attrs.extend_from_slice(&old);
        let node = &mut self.nodes[id as usize];
        node.start = start;
        node.len = len + u32::try_from(old.len()).unwrap_or(0);
        node.flags |= flags;
    }
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Appends `text` with whitespace runs folded to one space (none at the start).
pub(crate) fn push_folded(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 || text.starts_with(char::is_whitespace) {
            push_space(out);
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) {
        push_space(out);
    }
}

/// The children of a node.
#[derive(Debug)]
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id as usize].next;
        Some(id)
    }
}

/// Entering or leaving a node during a [`Traverse`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    Open(NodeId),
    Close(NodeId),
}

/// An iterative depth-first walk; [`Traverse::skip_children`] after an
/// `Open` goes straight to its `Close`.
#[derive(Debug)]
pub(crate) struct Traverse<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<Edge>,
}

impl Traverse<'_> {
    /// Don't descend into the node just opened.
    pub(crate) fn skip_children(&mut self) {
        if let Some(Edge::Open(n)) = self.next {
            // `next` is its first child; go to its parent's close instead.
            let parent = self.dom.parent(n);
            self.next = Some(Edge::Close(parent));
        }
    }
}

impl Iterator for Traverse<'_> {
    type Item = Edge;

    fn next(&mut self) -> Option<Edge> {
        let edge = self.next?;
        let dom = self.dom;
        self.next = match edge {
            Edge::Open(n) => {
                let first = dom.nodes[n as usize].first_child;
                Some(if first != NONE {
                    Edge::Open(first)
                } else {
                    Edge::Close(n)
                })
            }
            Edge::Close(n) => {
                if n == self.root {
                    None
                } else {
                    let node = &dom.nodes[n as usize];
                    if node.next != NONE {
                        Some(Edge::Open(node.next))
                    } else if node.parent != NONE {
                        Some(Edge::Close(node.parent))
                    } else {
                        None
                    }
                }
            }
        };
        Some(edge)
    }
}

/// html5ever's handle on a node; it carries the element name so that
/// [`TreeSink::elem_name`] can lend it without borrowing the arena.
#[derive(Clone, Debug)]
struct Handle {
    id: NodeId,
    name: QualName,
}

impl Handle {
    fn plain(id: NodeId) -> Handle {
        Handle {
            id,
            name: QualName::new(None, ns!(), local_name!("")),
        }
    }
}

struct Sink {
    dom: RefCell<Dom>,
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle::plain(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let id = self
            .dom
            .borrow_mut()
            .create_element(&name, &attrs, flags.template);
        Handle { id, name }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle::plain(JUNK)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle::plain(JUNK)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => dom.append_node(parent.id, node.id),
            NodeOrText::AppendText(text) => dom.append_text(parent.id, &text),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.dom.borrow().parent(element.id) != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let dom = self.dom.borrow();
        let contents = target.id.wrapping_add(1);
        if dom.tag(target.id) == Tag::Template
            && (contents as usize) < dom.len()
            && dom.tag(contents) == Tag::Fragment
        {
            Handle::plain(contents)
        } else {
            Handle::plain(JUNK)
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => dom.insert_before(sibling.id, node.id),
            NodeOrText::AppendText(text) => dom.insert_text_before(sibling.id, &text),
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.dom
            .borrow_mut()
            .add_attrs_if_missing(target.id, &attrs);
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.dom.borrow_mut().detach(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut dom = self.dom.borrow_mut();
        let mut child = dom.node(node.id).first_child;
        while child != NONE {
            let next = dom.node(child).next;
            dom.append_node(new_parent.id, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom) -> Vec<String> {
        dom.descendants(DOCUMENT)
            .filter(|&n| dom.tag(n) == Tag::Text)
            .map(|n| dom.text(n).to_owned())
            .collect()
    }

    #[test]
    fn keeps_visible_text_and_drops_scripts() {
        let dom = parse(
            "<html><head><title>T</title><script>var x = 1;</script>\
             <style>p{}</style></head><body><p>Hello <b>world</b></p>\
             <!-- note --><noscript>enable js</noscript><svg><text>icon</text></svg></body></html>",
        );
        assert_eq!(texts(&dom), ["T", "Hello ", "world"]);
    }

    #[test]
    fn keeps_json_ld() {
        let dom = parse(r#"<script type="application/ld+json">{"headline":"H"}</script><p>x</p>"#);
        let script = dom.find_descendant(DOCUMENT, Tag::JsonLd).expect("json-ld");
        assert_eq!(dom.text_content(script), r#"{"headline":"H"}"#);
    }

    #[test]
    fn stores_wanted_attributes_only() {
        let dom = parse(r#"<div id="a" class="b c" data-x="y" style="display: none">z</div>"#);
        let div = dom.find_descendant(DOCUMENT, Tag::Div).expect("div");
        assert_eq!(dom.attr(div, AttrName::Id), Some("a"));
        assert_eq!(dom.attr(div, AttrName::Class), Some("b c"));
        assert_eq!(dom.attr(div, AttrName::Role), None);
        assert_eq!(dom.node(div).flags & FLAG_HIDDEN, FLAG_HIDDEN);
    }

    #[test]
    fn merges_adjacent_text_and_fosters_table_text() {
        let dom = parse("<table>a<tr><td>b</td></tr></table><p>c&amp;d</p>");
        assert_eq!(texts(&dom), ["a", "b", "c&d"]);
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        let dom = parse("<p><b>one <i>two</b> three</i> four</p>");
        let body = dom.find_descendant(DOCUMENT, Tag::Body).expect("body");
        assert_eq!(dom.text_content(body), "one two three four");
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let depth = 5_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let dom = parse(&html);
        let body = dom.find_descendant(DOCUMENT, Tag::Body).expect("body");
        assert_eq!(dom.text_content(body), "deep");
        let html = format!("{}deep", "<span><b>".repeat(depth));
        let dom = parse(&html);
        assert_eq!(dom.text_content(DOCUMENT), "deep");
    }

    #[test]
    fn add_attrs_keeps_old_ones() {
        let dom =
            parse(r#"<html lang="fr"><body id="x"><html class="c" lang="de"><body class="k">t"#);
        let html = dom.find_descendant(DOCUMENT, Tag::Html).expect("html");
        assert_eq!(dom.attr(html, AttrName::Lang), Some("fr"));
        assert_eq!(dom.attr(html, AttrName::Class), Some("c"));
        let body = dom.find_descendant(DOCUMENT, Tag::Body).expect("body");
        assert_eq!(dom.attr(body, AttrName::Id), Some("x"));
        assert_eq!(dom.attr(body, AttrName::Class), Some("k"));
    }
}
