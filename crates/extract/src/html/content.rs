//! The main text of a page: which part of the DOM is the article, and its
//! paragraphs.
//!
//! What it does, in order:
//! 1. marks what can never be article text: scripts, form controls,
//!    embeds, hidden elements;
//! 2. cuts furniture named by tag, role, `class` or `id` (navigation,
//!    share bars, related stories, comments, ads…) unless it holds most of
//!    the page's prose or names itself the article body;
//! 3. scores elements readability-style: each run of text of 20+
//!    non-space characters (split at child blocks and at `<br>` outside
//!    `<p>`) gives `1 + commas + min(length / 85, 3)` to its block's parent
//!    (or to the block itself when the block holds several runs), half to
//!    the grandparent and less further up; a candidate's tag and class
//!    priors count up to its own text score, and the total is discounted
//!    by its link density;
//! 4. takes the best candidate, moves to a common ancestor when several
//!    strong candidates share it (an article split into sections), and adds
//!    siblings that score nearly as well or are plain paragraphs;
//! 5. walks that subtree and writes a paragraph per block (`p`, headings,
//!    list items, table rows, `blockquote`, `pre`, text in a `div`, lines
//!    between `<br>`s), dropping link lists, galleries, forms, captions,
//!    inline link cards and the headline, and keeping a record of
//!    informative removals (related, share, comments, newsletter blocks).
//!
//! When that strict pass finds almost nothing, a lenient pass that keeps
//! hidden and furniture-named elements is tried.
//!
//! What it doesn't: clean text inside the paragraphs (cookie lines,
//! "follow us" lines are the text cleaner's job, which runs after this).

use dateline_core::{BoilerplateKind, Removed};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::classify::{self, AttrHints, Hints};
use super::dom::{AttrName, DOCUMENT, Dom, Edge, FLAG_HIDDEN, NONE, NodeId, Tag, push_folded};

/// The article text found in a page.
#[derive(Debug, Default)]
pub(crate) struct Content {
    pub(crate) paragraphs: Vec<String>,
    pub(crate) removed: Vec<Removed>,
}

/// A block with at least this many (non-space) characters counts as a paragraph
/// when scoring.
const MIN_BLOCK_CHARS: u32 = 20;

/// Text statistics of a subtree, counting only what is still in play.
#[derive(Clone, Copy, Debug, Default)]
struct Stats {
    /// Non-whitespace characters.
    chars: u32,
    /// Non-whitespace characters inside links.
    link_chars: u32,
    /// Commas (Latin, CJK, Arabic).
    commas: u32,
    /// Characters inside lists (`ul`, `ol`).
    list_chars: u32,
    /// Characters inside headings.
    heading_chars: u32,
    /// Characters inside quotations (`blockquote`: quotes, embedded posts).
    quote_chars: u32,
    /// Links (`a` elements).
    anchors: u32,
    /// Readability paragraph score of this element's own runs of text
    /// (text whose nearest block ancestor it is, split at child blocks and
    /// line breaks).
    own_score: f32,
    /// How many of those runs are long enough to count.
    own_runs: u32,
    /// Characters in runs long enough to count and not mostly links.
    prose: u32,
    p: u32,
    img: u32,
    li: u32,
    input: u32,
    embed: u32,
    /// Runs of text long enough to count, here and below.
    text_blocks: u32,
    /// The subtree holds an element that names itself the article body.
    strong: bool,
}

impl Stats {
    fn add(&mut self, child: &Stats) {
        self.chars = self.chars.saturating_add(child.chars);
        self.link_chars = self.link_chars.saturating_add(child.link_chars);
        self.commas = self.commas.saturating_add(child.commas);
        self.list_chars = self.list_chars.saturating_add(child.list_chars);
        self.heading_chars = self.heading_chars.saturating_add(child.heading_chars);
        self.quote_chars = self.quote_chars.saturating_add(child.quote_chars);
        self.anchors = self.anchors.saturating_add(child.anchors);
        self.p = self.p.saturating_add(child.p);
        self.img = self.img.saturating_add(child.img);
        self.li = self.li.saturating_add(child.li);
        self.input = self.input.saturating_add(child.input);
        self.embed = self.embed.saturating_add(child.embed);
        self.text_blocks = self.text_blocks.saturating_add(child.text_blocks);
        self.prose = self.prose.saturating_add(child.prose);
        self.strong |= child.strong;
    }

    /// Takes out the counts of a subtree that is cut (`own_*` belong to
    /// the subtree's root alone and are untouched).
    fn sub(&mut self, child: &Stats) {
        self.chars -= child.chars.min(self.chars);
        self.link_chars -= child.link_chars.min(self.link_chars);
        self.commas -= child.commas.min(self.commas);
        self.list_chars -= child.list_chars.min(self.list_chars);
        self.heading_chars -= child.heading_chars.min(self.heading_chars);
        self.quote_chars -= child.quote_chars.min(self.quote_chars);
        self.anchors -= child.anchors.min(self.anchors);
        self.p -= child.p.min(self.p);
        self.img -= child.img.min(self.img);
        self.li -= child.li.min(self.li);
        self.input -= child.input.min(self.input);
        self.embed -= child.embed.min(self.embed);
        self.text_blocks -= child.text_blocks.min(self.text_blocks);
        self.prose -= child.prose.min(self.prose);
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// FNV-1a: class lists are short strings, hashed once per element, where
/// SipHash's setup costs more than the hashing.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type BuildFnv = BuildHasherDefault<Fnv>;

/// Counts non-whitespace characters and commas of a text.
fn count_text(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c & 0xC0 == 0x80 {
            // Continuation byte: `，` is EF BC 8C, `、` E3 80 81, `،` D8 8C.
            let prev = |k: usize| i.checked_sub(k).and_then(|j| b.get(j)).copied();
            if (c == 0x8C && prev(1) == Some(0xBC) && prev(2) == Some(0xEF))
                || (c == 0x81 && prev(1) == Some(0x80) && prev(2) == Some(0xE3))
                || (c == 0x8C && prev(1) == Some(0xD8))
            {
                commas = commas.saturating_add(1);
            }
            continue;
        }
        if c.is_ascii_whitespace() {
            continue;
        }
        chars = chars.saturating_add(1);
        if c == b',' {
            commas = commas.saturating_add(1);
        }
    }
    (chars, commas)
}

/// Per-node state of one extraction.
struct Extractor<'a> {
    dom: &'a Dom,
    title: Option<&'a str>,
    hints: Vec<Hints>,
    /// Never article text (scripts, controls, hidden…).
    dead: Vec<bool>,
    /// Furniture taken out before scoring.
    cut: Vec<bool>,
    stats: Vec<Stats>,
    /// Readability score of each candidate.
    score: Vec<f32>,
    /// Elements that received a score from the text below them.
    candidate: Vec<bool>,
    /// Hidden elements are dead and furniture is cut (else only tags count).
    strict: bool,
}

/// Elements whose content is never article text.
fn is_dead_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Head
            | Tag::Title
            | Tag::Meta
            | Tag::Link
            | Tag::Base
            | Tag::Script
            | Tag::JsonLd
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Fragment
            | Tag::Junk
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Video
            | Tag::Audio
            | Tag::Map
            | Tag::Button
            | Tag::Input
            | Tag::Select
            | Tag::Option
            | Tag::Textarea
            | Tag::Foreign
            | Tag::Dialog
            | Tag::Label
    )
}

/// Blocks for scoring: what readability treats as a paragraph boundary.
fn is_scoring_block(tag: Tag) -> bool {
    tag.is_block() && tag != Tag::Text
}

impl<'a> Extractor<'a> {
    fn new(dom: &'a Dom, title: Option<&'a str>) -> Extractor<'a> {
        let len = dom.len();
        Extractor {
            dom,
            title,
            hints: vec![Hints::default(); len],
            dead: vec![false; len],
            cut: vec![false; len],
            stats: vec![Stats::default(); len],
            score: vec![0.0; len],
            candidate: vec![false; len],
            strict: true,
        }
    }

    fn out(&self, n: NodeId) -> bool {
        self.dead[n as usize] || self.cut[n as usize]
    }

    /// Step 1: tags, hidden elements and class hints.
    fn mark(&mut self, root: NodeId) {
        let dom = self.dom;
        let mut classes: HashMap<&str, AttrHints, BuildFnv> = HashMap::default();
        let mut walk = dom.traverse(root);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            let tag = dom.tag(n);
            if tag == Tag::Text {
                continue;
            }
            let hidden = self.strict
                && dom.node(n).flags & FLAG_HIDDEN != 0
                && !matches!(tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article);
            if is_dead_tag(tag) || hidden {
                self.dead[n as usize] = true;
                walk.skip_children();
                continue;
            }
            let class = match dom.attr(n, AttrName::Class) {
                // Class lists repeat a lot in a page; read each once.
                Some(class) => *classes
                    .entry(class)
                    .or_insert_with(|| classify::read_attr(class)),
                None => AttrHints::default(),
            };
            let id = dom
                .attr(n, AttrName::Id)
                .map(classify::read_attr)
                .unwrap_or_default();
            let mut hints = classify::combine(tag, class, id, dom.attr(n, AttrName::Role));
            if dom.attr(n, AttrName::Itemprop).is_some_and(|p| {
                p.split_ascii_whitespace()
                    .any(|t| t == "articleBody" || t == "text")
            }) {
                hints.strong = true;
                hints.kind = None;
                hints.weight = hints.weight.max(25);
            }
            if tag == Tag::Form && hints.kind.is_none() {
                hints.kind = Some(BoilerplateKind::Other);
            }
            self.hints[n as usize] = hints;
        }
    }

    /// Sums text statistics bottom-up over what is not out.
    fn compute_stats(&mut self, root: NodeId) {
        /// The text run being read in an open block.
        struct Run {
            block: NodeId,
            chars: u32,
            commas: u32,
            links: u32,
        }
        fn end_run(run: &mut Run, stats: &mut [Stats]) {
            if run.chars >= MIN_BLOCK_CHARS {
                let s = &mut stats[run.block as usize];
                s.own_score += 1.0 + run.commas as f32 + (run.chars as f32 / 85.0).floor().min(3.0);
                s.own_runs += 1;
                if run.links.saturating_mul(2) < run.chars {
                    s.prose = s.prose.saturating_add(run.chars - run.links);
                }
            }
            run.chars = 0;
            run.commas = 0;
            run.links = 0;
        }
        let dom = self.dom;
        let mut runs: Vec<Run> = Vec::new();
        let mut in_link = 0u32;
        let mut walk = dom.traverse(root);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => {
                    self.stats[n as usize] = Stats::default();
                    if self.out(n) {
                        walk.skip_children();
                        continue;
                    }
                    let tag = dom.tag(n);
                    if tag == Tag::Text {
                        let (chars, commas) = count_text(dom.text(n));
                        let s = &mut self.stats[n as usize];
                        s.chars = chars;
                        s.commas = commas;
                        if let Some(run) = runs.last_mut() {
                            run.chars = run.chars.saturating_add(chars);
                            run.commas = run.commas.saturating_add(commas);
                            if in_link > 0 {
                                run.links = run.links.saturating_add(chars);
                            }
                        }
                    } else if is_scoring_block(tag) {
                        if let Some(run) = runs.last_mut() {
                            end_run(run, &mut self.stats);
                        }
                        runs.push(Run {
                            block: n,
                            chars: 0,
                            commas: 0,
                            links: 0,
                        });
                    } else if tag == Tag::Br {
                        if let Some(run) = runs.last_mut()
                            && dom.tag(run.block) != Tag::P
                        {
                            end_run(run, &mut self.stats);
                        }
                    } else if tag == Tag::A {
                        in_link += 1;
                    }
                }
                Edge::Close(n) => {
                    let tag = dom.tag(n);
                    if !self.out(n) {
                        if tag != Tag::Text && is_scoring_block(tag) {
                            if let Some(mut run) = runs.pop() {
                                end_run(&mut run, &mut self.stats);
                            }
                        } else if tag == Tag::A {
                            in_link = in_link.saturating_sub(1);
                        }
                        let s = &mut self.stats[n as usize];
                        match tag {
                            Tag::A => {
                                s.link_chars = s.chars;
                                s.anchors += 1;
                            }
                            Tag::Blockquote => s.quote_chars = s.chars,
                            Tag::Ul | Tag::Ol => s.list_chars = s.chars,
                            t if t.is_heading() => s.heading_chars = s.chars,
                            Tag::P => s.p += 1,
                            Tag::Img | Tag::Picture => s.img += 1,
                            Tag::Li => s.li += 1,
                            _ => {}
                        }
                        s.text_blocks += s.own_runs;
                        s.strong |= self.hints[n as usize].strong;
                    }
                    let tag_in =
                        matches!(tag, Tag::Input | Tag::Select | Tag::Textarea | Tag::Button);
                    let tag_embed = matches!(tag, Tag::Iframe | Tag::Object | Tag::Embed);
                    let parent = dom.parent(n);
                    if n != root && parent != NONE {
                        let child = self.stats[n as usize];
                        let p = &mut self.stats[parent as usize];
                        p.add(&child);
                        p.input = p.input.saturating_add(u32::from(tag_in));
                        p.embed = p.embed.saturating_add(u32::from(tag_embed));
                    }
                }
            }
        }
    }

    /// Step 2: cuts furniture, unless it holds the article, and takes it
    /// out of the statistics.
    fn cut_furniture(&mut self, root: NodeId) {
        let dom = self.dom;
        let total = self.stats[root as usize].prose.max(1);
        let mut cut = Vec::new();
        let mut walk = dom.traverse(root);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            if self.dead[n as usize] {
                walk.skip_children();
                continue;
            }
            let Some(kind) = self.hints[n as usize].kind else {
                continue;
            };
            let s = &self.stats[n as usize];
            // Most of the page's prose: a wrapper with a misleading name.
            let holds_article = s.strong
                || (kind != BoilerplateKind::Comments
                    && u64::from(s.prose) * 2 > u64::from(total)
                    && s.text_blocks >= 2);
            if !holds_article {
                self.cut[n as usize] = true;
                cut.push(n);
                walk.skip_children();
            }
        }
        // Take the cut subtrees out of their ancestors' counts.
        for n in cut {
            let child = self.stats[n as usize];
            let mut a = dom.parent(n);
            while a != NONE {
                self.stats[a as usize].sub(&child);
                if a == root {
                    break;
                }
                a = dom.parent(a);
            }
        }
    }

    fn initial_score(&self, n: NodeId) -> f32 {
        let base = match self.dom.tag(n) {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address
            | Tag::Ol
            | Tag::Ul
            | Tag::Dl
            | Tag::Dd
            | Tag::Dt
            | Tag::Li
            | Tag::Form => -3.0,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
            _ => 0.0,
        };
        let hints = self.hints[n as usize];
        let strong = if hints.strong { 25.0 } else { 0.0 };
        let article = if self.dom.tag(n) == Tag::Article {
            10.0
        } else {
            0.0
        };
        base + hints.weight as f32 + strong + article
    }

    /// Step 3: readability scoring. Returns the best candidate.
    fn score(&mut self, root: NodeId) -> NodeId {
        let dom = self.dom;
        let mut scored: Vec<NodeId> = Vec::new();
        let mut walk = dom.traverse(root);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            if self.out(n) {
                walk.skip_children();
                continue;
            }
            let tag = dom.tag(n);
            if tag == Tag::Text || !is_scoring_block(tag) || tag.is_heading() {
                continue;
            }
            let s = self.stats[n as usize];
            if s.own_runs == 0 {
                continue;
            }
            let content = s.own_score;
            // A block with several runs of text, or text beside text
            // blocks, is itself the container of its loose text.
            let mixed = s.text_blocks > 1;
            let mut ancestor = if mixed { n } else { dom.parent(n) };
            let mut level = 0u32;
            while ancestor != NONE && level < 5 {
                if ancestor == DOCUMENT || self.out(ancestor) {
                    break;
                }
                if !self.candidate[ancestor as usize] {
                    self.candidate[ancestor as usize] = true;
                    self.score[ancestor as usize] = 0.0;
                    scored.push(ancestor);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => l as f32 * 3.0,
                };
                self.score[ancestor as usize] += content / divider;
                if ancestor == root {
                    break;
                }
                ancestor = dom.parent(ancestor);
                level += 1;
            }
        }
        for &n in &scored {
            // Tag and class priors count, but never more than the text
            // itself: a byline in `article-meta` must not beat the body.
            let content = self.score[n as usize];
            let prior = self.initial_score(n).clamp(-0.5 * content, content);
            let density = self.stats[n as usize].link_density();
            self.score[n as usize] = (content + prior) * (1.0 - density);
        }
        let mut ranked: Vec<NodeId> = scored;
        ranked.sort_by(|&a, &b| self.score[b as usize].total_cmp(&self.score[a as usize]));
        let Some(&top) = ranked.first() else {
            return root;
        };
        let mut top = top;
        let top_score = self.score[top as usize];

        // Several near-equal candidates under one ancestor: the article is
        // split into parts, take their common ancestor.
        let alternatives: Vec<NodeId> = ranked
            .iter()
            .skip(1)
            .take(5)
            .copied()
            .filter(|&c| self.score[c as usize] >= top_score * 0.75)
            .collect();
        if alternatives.len() >= 3 {
            // How many alternatives each ancestor holds (linear in depth,
            // however deep the page nests).
            let mut holds: HashMap<NodeId, u32, BuildFnv> = HashMap::default();
            for &alternative in &alternatives {
                let mut a = alternative;
                while a != NONE {
                    *holds.entry(a).or_insert(0) += 1;
                    a = dom.parent(a);
                }
            }
            let mut parent = dom.parent(top);
            while parent != NONE && parent != root && parent != DOCUMENT {
                if holds.get(&parent).copied().unwrap_or(0) >= 3 {
                    top = parent;
                    break;
                }
                parent = dom.parent(parent);
            }
        }
        // A parent that scores better than the top (with the top's own
        // text) is the real container.
        let mut last = self.score[top as usize];
        let threshold = last / 3.0;
        let mut parent = dom.parent(top);
        while parent != NONE && parent != DOCUMENT && parent != root {
            if !self.candidate[parent as usize] {
                parent = dom.parent(parent);
                continue;
            }
            let s = self.score[parent as usize];
            if s < threshold {
                break;
            }
            if s > last && s > self.score[top as usize] {
                top = parent;
                break;
            }
            last = s;
            parent = dom.parent(parent);
        }
        // An article split into sections under different wrappers: take
        // the common ancestor of the top and any other strong, non-link
        // candidate, as long as that ancestor is still mostly prose.
        let mut on_top_path = vec![false; dom.len()];
        let mut a = top;
        while a != NONE {
            on_top_path[a as usize] = true;
            a = dom.parent(a);
        }
        for &alt in ranked.iter().skip(1).take(10) {
            if self.score[alt as usize] < top_score * 0.4 {
                break;
            }
            if on_top_path[alt as usize]
                || dom.contains(alt, top)
                || self.stats[alt as usize].link_density() > 0.25
            {
                continue;
            }
            let mut lca = alt;
            while lca != NONE && !on_top_path[lca as usize] {
                lca = dom.parent(lca);
            }
            if lca == NONE || lca == DOCUMENT || lca == top {
                continue;
            }
            let s = self.stats[lca as usize];
            if u64::from(s.prose) * 3 >= u64::from(s.chars) * 2 && s.link_density() < 0.25 {
                top = lca;
                let mut a = top;
                while a != NONE {
                    on_top_path[a as usize] = true;
                    a = dom.parent(a);
                }
            }
        }
        // An only child says no more than its parent.
        loop {
            let parent = dom.parent(top);
            if parent == NONE || parent == root || parent == DOCUMENT {
                break;
            }
            let elements = dom
                .children(parent)
                .filter(|&c| dom.tag(c) != Tag::Text || self.stats[c as usize].chars > 0)
                .filter(|&c| !self.out(c))
                .count();
            if elements != 1 {
                break;
            }
            top = parent;
        }
        top
    }

    /// Step 4: the top candidate and the siblings that belong with it.
    fn with_siblings(&self, top: NodeId, root: NodeId) -> Vec<NodeId> {
        let dom = self.dom;
        let parent = dom.parent(top);
        if top == root || parent == NONE || parent == DOCUMENT {
            return vec![top];
        }
        let top_score = self.score[top as usize];
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = dom.attr(top, AttrName::Class).unwrap_or("");
        let mut out = Vec::new();
        for sibling in dom.children(parent) {
            if sibling == top {
                out.push(sibling);
                continue;
            }
            if self.out(sibling) || dom.tag(sibling) == Tag::Text {
                continue;
            }
            let mut bonus = 0.0;
            let class = dom.attr(sibling, AttrName::Class).unwrap_or("");
            if !top_class.is_empty() && class == top_class {
                bonus += top_score * 0.2;
            }
            let s = self.stats[sibling as usize];
            let include = if self.candidate[sibling as usize]
                && self.score[sibling as usize] + bonus >= threshold
            {
                true
            } else if s.text_blocks <= 1
                && matches!(dom.tag(sibling), Tag::P | Tag::Div | Tag::Blockquote)
            {
                let density = s.link_density();
                (s.chars > 70 && density < 0.25)
                    || (s.chars > 0
                        && s.chars <= 70
                        && density == 0.0
                        && ends_sentence(&dom.text_content(sibling)))
            } else {
                false
            };
            if include {
                out.push(sibling);
            }
        }
        out
    }

    /// Whether a container in the article should go (readability's
    /// conditional cleaning).
    fn clean_out(&self, n: NodeId, tag: Tag) -> bool {
        if !matches!(
            tag,
            Tag::Table
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
                | Tag::Div
                | Tag::Section
                | Tag::Form
                | Tag::Fieldset
                | Tag::Header
                | Tag::Footer
                | Tag::Figure
                | Tag::Aside
                | Tag::Center
                | Tag::Details
        ) {
            return false;
        }
        let s = self.stats[n as usize];
        if s.chars == 0 {
            return s.img == 0;
        }
        if tag == Tag::Table && self.is_data_table(n) {
            return false;
        }
        // Quotations, embedded posts included, are the article's.
        if u64::from(s.quote_chars) * 2 > u64::from(s.chars) {
            return false;
        }
        let weight = self.hints[n as usize].weight;
        if s.strong {
            return false;
        }
        if weight < 0
            && !(self.candidate[n as usize] && self.score[n as usize] + weight as f32 >= 0.0)
        {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let is_list =
            matches!(tag, Tag::Ul | Tag::Ol) || s.list_chars as f32 > s.chars as f32 * 0.9;
        let density = s.link_density();
        let heading_density = s.heading_chars as f32 / s.chars as f32;
        let p = s.p + s.text_blocks;
        // A list of linked headlines, or of three or more links and
        // nothing else, is a list of teasers.
        if is_list
            && density > 0.9
            && (u64::from(s.heading_chars) * 2 > u64::from(s.chars) || s.li >= 3)
        {
            return true;
        }
        if self.is_card_grid(n) {
            return true;
        }
        (s.img > 1 && (p as f32) / (s.img as f32) < 0.5 && !self.in_figure(n))
            || (s.input > p / 3)
            || (!is_list
                && heading_density < 0.9
                && s.chars < 20
                && (s.img == 0 || s.img > 2)
                && density > 0.0)
            || (!is_list && weight < 25 && density > 0.2)
            || (weight >= 25 && density > 0.5)
            || (s.embed == 1 && s.chars < 65)
            || s.embed > 1
    }

    /// A grid of teaser cards: most children are alike (same tag and
    /// class), and each is a short block led by a link (headline, photo,
    /// a line of blurb).
    fn is_card_grid(&self, n: NodeId) -> bool {
        let dom = self.dom;
        let mut children = 0u32;
        let mut groups: Vec<(Tag, &str, u32)> = Vec::new();
        for child in dom.children(n) {
            let tag = dom.tag(child);
            if tag == Tag::Text || self.out(child) || self.stats[child as usize].chars == 0 {
                continue;
            }
            children += 1;
            let class = dom.attr(child, AttrName::Class).unwrap_or("");
            match groups.iter_mut().find(|(t, c, _)| *t == tag && *c == class) {
                Some(group) => group.2 += 1,
                None => groups.push((tag, class, 1)),
            }
        }
        let Some(&(tag, class, count)) = groups.iter().max_by_key(|g| g.2) else {
            return false;
        };
        if count < 3 || count * 5 < children * 3 || tag == Tag::P {
            return false;
        }
        dom.children(n)
            .filter(|&c| {
                dom.tag(c) == tag
                    && dom.attr(c, AttrName::Class).unwrap_or("") == class
                    && self.stats[c as usize].chars > 0
                    && !self.out(c)
            })
            .all(|c| {
                let s = self.stats[c as usize];
                s.anchors >= 1 && s.chars < 250 && s.link_density() >= 0.3
            })
    }

    /// An inline cluster of links, such as a hover card with a photo and
    /// headlines about a person named in the text.
    fn is_link_card(&self, n: NodeId) -> bool {
        let s = self.stats[n as usize];
        let density = s.link_density();
        (s.anchors >= 2 && s.img >= 1 && density >= 0.9) || (s.anchors >= 4 && density >= 0.95)
    }

    /// A short line right after an image, alone with it in a wrapper and
    /// not written as a sentence: the image's caption or credit (when the
    /// page doesn't say `figcaption`).
    fn is_caption(&self, n: NodeId) -> bool {
        let dom = self.dom;
        let s = self.stats[n as usize];
        if s.chars == 0 || s.chars > 200 || s.text_blocks > 1 {
            return false;
        }
        let parent = dom.parent(n);
        if parent == NONE || self.stats[parent as usize].chars != s.chars {
            return false;
        }
        let mut previous = dom.node(n).prev;
        while previous != NONE
            && (dom.tag(previous) == Tag::Br
                || (dom.tag(previous) == Tag::Text && dom.text(previous).trim().is_empty()))
        {
            previous = dom.node(previous).prev;
        }
        if previous == NONE {
            return false;
        }
        let p = self.stats[previous as usize];
        let image = matches!(dom.tag(previous), Tag::Img | Tag::Picture | Tag::Figure)
            || (p.img > 0 && p.chars == 0);
        image && !ends_sentence(&dom.text_content(n))
    }

    fn in_figure(&self, mut n: NodeId) -> bool {
        for _ in 0..8 {
            n = self.dom.parent(n);
            if n == NONE {
                return false;
            }
            if self.dom.tag(n) == Tag::Figure {
                return true;
            }
        }
        false
    }

    /// A table of data (not layout): rows of short cells, no nested tables.
    fn is_data_table(&self, n: NodeId) -> bool {
        let dom = self.dom;
        let mut rows = 0u32;
        let mut cells = 0u32;
        for d in dom.descendants(n).skip(1) {
            match dom.tag(d) {
                Tag::Table => return false,
                Tag::Tr => rows += 1,
                Tag::Td | Tag::Th => cells += 1,
                Tag::Caption | Tag::Thead => return true,
                _ => {}
            }
        }
        rows >= 2 && cells >= rows.saturating_mul(2) && self.stats[n as usize].link_density() < 0.5
    }

    /// Step 5: paragraphs of the chosen subtrees.
    fn write(&self, roots: &[NodeId], out: &mut Content) {
        let dom = self.dom;
        let title_key = self.title.map(comparable).unwrap_or_default();
        let first_paragraph = out.paragraphs.len();
        let mut current = String::new();
        for &root in roots {
            let mut walk = dom.traverse(root);
            while let Some(edge) = walk.next() {
                match edge {
                    Edge::Open(n) => {
                        let tag = dom.tag(n);
                        if tag == Tag::Text {
                            push_folded(&mut current, dom.text(n));
                            continue;
                        }
                        if self.dead[n as usize] {
                            walk.skip_children();
                            continue;
                        }
                        if self.cut[n as usize] {
                            self.record(n, out);
                            walk.skip_children();
                            continue;
                        }
                        let drop = match tag {
                            Tag::Figcaption | Tag::Caption => true,
                            // The headline, before the body or restating the title.
                            Tag::H1 => {
                                out.paragraphs.len() == first_paragraph
                                    || is_title(&dom.text_content(n), &title_key)
                            }
                            Tag::Span | Tag::Inline | Tag::Font | Tag::Other => {
                                self.is_link_card(n) || self.is_caption(n)
                            }
                            Tag::P | Tag::Div | Tag::Center => {
                                self.is_caption(n) || (n != root && self.clean_out(n, tag))
                            }
                            t if t.is_heading() => {
                                self.hints[n as usize].weight < 0
                                    || (!title_key.is_empty()
                                        && comparable(&dom.text_content(n)) == title_key)
                            }
                            _ => n != root && self.clean_out(n, tag),
                        };
                        if drop {
                            walk.skip_children();
                            continue;
                        }
                        if tag == Tag::Br {
                            flush(&mut current, &mut out.paragraphs, &title_key);
                        } else if tag == Tag::Td || tag == Tag::Th {
                            push_space(&mut current);
                        } else if tag.is_block() {
                            flush(&mut current, &mut out.paragraphs, &title_key);
                        }
                    }
                    Edge::Close(n) => {
                        let tag = dom.tag(n);
                        if tag == Tag::Td || tag == Tag::Th {
                            push_space(&mut current);
                        } else if tag != Tag::Text && tag.is_block() {
                            flush(&mut current, &mut out.paragraphs, &title_key);
                        }
                    }
                }
            }
            flush(&mut current, &mut out.paragraphs, &title_key);
        }
    }

    /// Keeps a record of an informative piece of furniture.
    fn record(&self, n: NodeId, out: &mut Content) {
        let Some(kind) = self.hints[n as usize].kind else {
            return;
        };
        if !matches!(
            kind,
            BoilerplateKind::Related
                | BoilerplateKind::ShareBar
                | BoilerplateKind::SocialFollow
                | BoilerplateKind::Comments
                | BoilerplateKind::Newsletter
                | BoilerplateKind::Byline
                | BoilerplateKind::CookieNotice
        ) {
            return;
        }
        let mut text = self.dom.text_content(n);
        if text.is_empty() {
            return;
        }
        if let Some((cut, _)) = text.char_indices().nth(300) {
            text.truncate(cut);
            text.push('…');
        }
        out.removed.push(Removed { kind, text });
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>, title_key: &str) {
    let trimmed = current.trim();
    if !trimmed.is_empty() && !is_title(trimmed, title_key) {
        paragraphs.push(trimmed.to_owned());
    }
    current.clear();
}

/// Whether `text` is the headline again (maybe with a kicker or a site
/// name around it).
fn is_title(text: &str, title_key: &str) -> bool {
    // Cheap length bounds first: this runs on every paragraph.
    if title_key.is_empty()
        || text.len() * 2 < title_key.len()
        || text.len() > title_key.len() * 4 + 64
    {
        return false;
    }
    let key = comparable(text);
    if key.is_empty() {
        return false;
    }
    key == title_key
        || (key.len() >= title_key.len()
            && key.len() * 4 <= title_key.len() * 5
            && key.contains(title_key))
        || (key.len() <= title_key.len()
            && key.len() * 5 >= title_key.len() * 4
            && title_key.contains(&key))
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '。', '！', '？', '"', '”', '»'])
}

/// Letters and digits, lowercased.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Below this many characters, the strict pass probably threw the article
/// away with the furniture (a misnamed wrapper, text hidden until a script
/// runs): a lenient pass keeps hidden and furniture-named elements.
const RETRY_BELOW_CHARS: usize = 200;

/// Finds the article text of `dom`; `title` is the headline found in the
/// metadata (dropped from the body).
pub(crate) fn extract(dom: &Dom, title: Option<&str>) -> Content {
    let strict = extract_with(dom, title, true);
    if has_chars(&strict, RETRY_BELOW_CHARS) {
        return strict;
    }
    let lenient = extract_with(dom, title, false);
    if text_chars(&lenient) > text_chars(&strict) {
        lenient
    } else {
        strict
    }
}

/// Whether the paragraphs hold at least `n` non-space characters.
fn has_chars(content: &Content, n: usize) -> bool {
    content
        .paragraphs
        .iter()
        .flat_map(|p| p.chars())
        .filter(|c| !c.is_whitespace())
        .nth(n.saturating_sub(1))
        .is_some()
}

fn text_chars(content: &Content) -> usize {
    content
        .paragraphs
        .iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

fn extract_with(dom: &Dom, title: Option<&str>, strict: bool) -> Content {
    let root = dom.find_descendant(DOCUMENT, Tag::Body).unwrap_or(DOCUMENT);
    let mut ex = Extractor::new(dom, title);
    ex.strict = strict;
    ex.mark(root);
    ex.compute_stats(root);
    if strict {
        ex.cut_furniture(root);
    }
    let top = ex.score(root);
    let roots = ex.with_siblings(top, root);
    let mut content = Content::default();
    ex.write(&roots, &mut content);
    content
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom;

    fn body(html: &str) -> Vec<String> {
        extract(&dom::parse(html), None).paragraphs
    }

    #[test]
    fn counts_characters_and_commas() {
        assert_eq!(count_text(" a, b "), (3, 1));
        assert_eq!(count_text("東京，大阪、京都"), (8, 2));
        assert_eq!(count_text("أ، ب"), (3, 1));
    }

    #[test]
    fn picks_the_article_over_navigation() {
        let html = r#"<body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
            <div class="content"><p>The ceasefire held overnight in Aleppo, residents said, after weeks of fighting.</p>
            <p>Monitors reported no shelling, although sporadic gunfire was heard near the citadel.</p></div>
            <div class="sidebar"><ul><li><a href="/a">Most read story one</a></li><li><a href="/b">Story two</a></li></ul></div></body>"#;
        assert_eq!(
            body(html),
            [
                "The ceasefire held overnight in Aleppo, residents said, after weeks of fighting.",
                "Monitors reported no shelling, although sporadic gunfire was heard near the citadel."
            ]
        );
    }
}

#[cfg(test)]
mod debug {
    use super::*;
    use crate::html::dom;

    fn describe(dom: &Dom, n: NodeId) -> String {
        format!(
            "{n}:{:?}.{}#{}",
            dom.tag(n),
            dom.attr(n, AttrName::Class).unwrap_or(""),
            dom.attr(n, AttrName::Id).unwrap_or("")
        )
    }

    /// `PAGE=path cargo test -p dateline-extract --lib debug_page -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn debug_page() {
        let Ok(path) = std::env::var("PAGE") else {
            return;
        };
        let bytes = std::fs::read(path).expect("page");
        let html = String::from_utf8_lossy(&bytes);
        let dom = dom::parse(&html);
        let root = dom.find_descendant(DOCUMENT, Tag::Body).unwrap_or(DOCUMENT);
        let mut ex = Extractor::new(&dom, None);
        ex.mark(root);
        ex.compute_stats(root);
        ex.cut_furniture(root);
        for n in dom.descendants(root) {
            if ex.cut[n as usize] && ex.stats[n as usize].chars > 0 {
                eprintln!(
                    "CUT {} {:?} chars {}",
                    describe(&dom, n),
                    ex.hints[n as usize].kind,
                    ex.stats[n as usize].chars
                );
            }
        }
        let top = ex.score(root);
        let mut ranked: Vec<NodeId> = (0..dom.len() as u32)
            .filter(|&n| ex.candidate[n as usize])
            .collect();
        ranked.sort_by(|&a, &b| ex.score[b as usize].total_cmp(&ex.score[a as usize]));
        for &n in ranked.iter().take(12) {
            let s = ex.stats[n as usize];
            eprintln!(
                "{:7.1} {} chars {} ld {:.2} parent {}",
                ex.score[n as usize],
                describe(&dom, n),
                s.chars,
                s.link_density(),
                describe(&dom, dom.parent(n))
            );
        }
        eprintln!("TOP {}", describe(&dom, top));
        for r in ex.with_siblings(top, root) {
            eprintln!("ROOT {}", describe(&dom, r));
        }
    }
}
