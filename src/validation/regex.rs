//! A small regular-expression engine for the `pattern` rule of form descriptors: the part of JavaScript's `RegExp`
//! syntax that form rules use, matched in linear time (a Pike VM, no backtracking), so no pattern and no input can
//! make validation hang.
//!
//! Supported: literals and escapes (`\.` `\\` `\/` `\n` `\t` `\r` `\f` `\v` `\0` `\xHH` `\uXXXX`), `.`, classes
//! (`[a-z]`, `[^0-9]`, `[\u4e00-\u9fa5]`), `\d \D \w \W \s \S`, anchors `^ $` and `\b \B`, groups `(…)`, `(?:…)`,
//! `(?<name>…)`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy: the same for a yes/no test).
//! Not supported (rejected when the descriptor is loaded): lookaround `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`, back
//! references `\1`, `\k<name>`, Unicode property escapes `\p{…}` and flags. Semantics follow `new RegExp(text).test(s)`:
//! the pattern may match anywhere unless anchored with `^…$`.

use crate::error::Error;
use crate::Result;

/// Longest pattern text accepted.
const MAX_PATTERN_CHARS: usize = 1000;
/// Largest compiled program (counted repetitions expand).
const MAX_PROGRAM: usize = 20_000;

#[derive(Clone, Debug, PartialEq, Eq)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Class {
    negated: bool,
    items: Vec<ClassItem>,
}

impl Class {
    fn matches(&self, c: char) -> bool {
        let hit = self.items.iter().any(|item| match *item {
            ClassItem::Range(a, b) => a <= c && c <= b,
            ClassItem::Digit(neg) => c.is_ascii_digit() != neg,
            ClassItem::Word(neg) => is_word(c) != neg,
            ClassItem::Space(neg) => is_space(c) != neg,
        });
        hit != self.negated
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// JavaScript's `\s`: WhiteSpace and LineTerminator.
fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Assert {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Class),
    Assert(Assert),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    Assert(Assert),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A compiled `pattern`.
///
/// # Example
/// ```
/// use mallcare::validation::Pattern;
/// let p = Pattern::compile(r"^[\u4e00-\u9fa5]{2,4}$").unwrap();
/// assert!(p.is_match("张三"));
/// assert!(!p.is_match("张"));
/// assert!(Pattern::compile(r"\d").unwrap().is_match("abc1")); // unanchored, like RegExp.test
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    source: String,
    prog: Vec<Inst>,
    classes: Vec<Class>,
    /// `^x{lo,hi}$` (also `^x+$`, `^x*$`, `^x{n}$`) with `x` one character, class or `.`: the shape most form
    /// patterns have, answered by one pass over the text instead of the VM (the same answer; see the tests).
    run_of: Option<(Inst, u32, Option<u32>)>,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    text: &'a str,
}

fn bad(text: &str, zh: &str, en: &str) -> Error {
    super::err(
        "FORM_PATTERN_INVALID",
        format!("正则表达式 “{}” 无效：{zh}", super::clip(text)),
        format!("pattern \"{}\" is invalid: {en}", super::clip(text)),
    )
}

fn unsupported(text: &str, what: &str) -> Error {
    super::err(
        "FORM_PATTERN_UNSUPPORTED",
        format!("正则表达式 “{}” 使用了不支持的语法：{what}", super::clip(text)),
        format!("pattern \"{}\" uses unsupported syntax: {what}", super::clip(text)),
    )
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn next(&mut self) -> Result<char> {
        let c = self.peek().ok_or_else(|| bad(self.text, "意外结束", "unexpected end"))?;
        self.pos += 1;
        Ok(c)
    }

    fn alt(&mut self, depth: usize) -> Result<Node> {
        if depth > 50 {
            return Err(bad(self.text, "嵌套过深", "nested too deeply"));
        }
        let mut branches = vec![self.concat(depth)?];
        while self.eat('|') {
            branches.push(self.concat(depth)?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap_or(Node::Empty) } else { Node::Alt(branches) })
    }

    fn concat(&mut self, depth: usize) -> Result<Node> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            let atom = self.quantifier(atom)?;
            items.push(atom);
        }
        Ok(Node::Concat(items))
    }

    fn quantifier(&mut self, atom: Node) -> Result<Node> {
        let single = matches!(self.peek(), Some('*' | '+' | '?'));
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => match self.braces()? {
                Some(b) => b,
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if single {
            self.pos += 1;
        }
        if matches!(atom, Node::Assert(_) | Node::Empty) {
            return Err(bad(self.text, "量词前没有可重复的内容", "nothing to repeat"));
        }
        self.eat('?');
        if self.matches_quantifier_start() {
            return Err(bad(self.text, "量词重复", "nothing to repeat"));
        }
        Ok(Node::Repeat(Box::new(atom), min, max))
    }

    fn matches_quantifier_start(&self) -> bool {
        matches!(self.peek(), Some('*' | '+' | '?'))
    }

    /// `{n}`, `{n,}`, `{n,m}`; `None` (and the position unchanged) if the brace is a literal.
    fn braces(&mut self) -> Result<Option<(u32, Option<u32>)>> {
        let start = self.pos;
        self.pos += 1;
        let num = |p: &mut Self| -> Option<u32> {
            let s = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.chars.get(s..p.pos).and_then(|d| d.iter().collect::<String>().parse().ok())
        };
        let Some(min) = num(self) else {
            self.pos = start;
            return Ok(None);
        };
        let max = if self.eat(',') { num(self) } else { Some(min) };
        if !self.eat('}') {
            self.pos = start;
            return Ok(None);
        }
        if max.is_some_and(|m| m < min) {
            return Err(bad(self.text, "量词范围颠倒", "numbers out of order in {} quantifier"));
        }
        if min > 1000 || max.is_some_and(|m| m > 1000) {
            return Err(bad(self.text, "重复次数超过 1000", "repetition count above 1000"));
        }
        // The caller skips one more character for single-character quantifiers only.
        Ok(Some((min, max)))
    }

    fn atom(&mut self, depth: usize) -> Result<Node> {
        let c = self.next()?;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Assert(Assert::Start),
            '$' => Node::Assert(Assert::End),
            '(' => {
                if self.eat('?') {
                    if self.eat(':') {
                    } else if self.peek() == Some('<') && !matches!(self.chars.get(self.pos + 1), Some('=' | '!')) {
                        // named group: skip the name
                        while let Some(ch) = self.peek() {
                            self.pos += 1;
                            if ch == '>' {
                                break;
                            }
                        }
                    } else {
                        return Err(unsupported(self.text, "(?=…) (?!…) (?<=…) (?<!…)"));
                    }
                }
                let inner = self.alt(depth + 1)?;
                if !self.eat(')') {
                    return Err(bad(self.text, "括号不匹配", "unbalanced parenthesis"));
                }
                inner
            }
            ')' => return Err(bad(self.text, "括号不匹配", "unbalanced parenthesis")),
            '[' => Node::Class(self.class()?),
            '*' | '+' | '?' => return Err(bad(self.text, "量词前没有可重复的内容", "nothing to repeat")),
            '\\' => match self.escape(false)? {
                Esc::Char(c) => Node::Char(c),
                Esc::Item(item) => Node::Class(Class { negated: false, items: vec![item] }),
                Esc::Assert(a) => Node::Assert(a),
            },
            c => Node::Char(c),
        })
    }

    fn class(&mut self) -> Result<Class> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        loop {
            let c = self.next().map_err(|_| bad(self.text, "方括号不匹配", "unterminated character class"))?;
            if c == ']' {
                break;
            }
            let lo = if c == '\\' {
                match self.escape(true)? {
                    Esc::Char(c) => c,
                    Esc::Item(item) => {
                        items.push(item);
                        continue;
                    }
                    Esc::Assert(_) => '\u{8}',
                }
            } else {
                c
            };
            if self.peek() == Some('-') && !matches!(self.chars.get(self.pos + 1), Some(']') | None) {
                self.pos += 1;
                let hc = self.next()?;
                let hi = if hc == '\\' {
                    match self.escape(true)? {
                        Esc::Char(c) => c,
                        _ => return Err(bad(self.text, "字符范围无效", "invalid character range")),
                    }
                } else {
                    hc
                };
                if hi < lo {
                    return Err(bad(self.text, "字符范围颠倒", "range out of order in character class"));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Class { negated, items })
    }

    fn hex(&mut self, n: usize) -> Result<char> {
        let mut v = 0u32;
        for _ in 0..n {
            let d =
                self.next()?.to_digit(16).ok_or_else(|| bad(self.text, "十六进制转义无效", "invalid hex escape"))?;
            v = v * 16 + d;
        }
        char::from_u32(v).ok_or_else(|| bad(self.text, "转义字符无效", "invalid escaped character"))
    }

    fn escape(&mut self, in_class: bool) -> Result<Esc> {
        let c = self.next()?;
        Ok(match c {
            'd' => Esc::Item(ClassItem::Digit(false)),
            'D' => Esc::Item(ClassItem::Digit(true)),
            'w' => Esc::Item(ClassItem::Word(false)),
            'W' => Esc::Item(ClassItem::Word(true)),
            's' => Esc::Item(ClassItem::Space(false)),
            'S' => Esc::Item(ClassItem::Space(true)),
            'b' if !in_class => Esc::Assert(Assert::WordBoundary),
            'b' => Esc::Char('\u{8}'),
            'B' if !in_class => Esc::Assert(Assert::NotWordBoundary),
            'n' => Esc::Char('\n'),
            't' => Esc::Char('\t'),
            'r' => Esc::Char('\r'),
            'f' => Esc::Char('\u{C}'),
            'v' => Esc::Char('\u{B}'),
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => Esc::Char('\0'),
            'x' => Esc::Char(self.hex(2)?),
            'u' => Esc::Char(self.hex(4)?),
            '1'..='9' => return Err(unsupported(self.text, "\\1 (back reference)")),
            'k' => return Err(unsupported(self.text, "\\k<name> (back reference)")),
            'p' | 'P' => return Err(unsupported(self.text, "\\p{…} (Unicode property)")),
            'c' => return Err(unsupported(self.text, "\\c (control escape)")),
            c if c.is_ascii_alphanumeric() => return Err(bad(self.text, "未知的转义", "unknown escape")),
            c => Esc::Char(c),
        })
    }
}

enum Esc {
    Char(char),
    Item(ClassItem),
    Assert(Assert),
}

struct Compiler {
    prog: Vec<Inst>,
    classes: Vec<Class>,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<usize> {
        if self.prog.len() >= MAX_PROGRAM {
            return Err(super::err(
                "FORM_PATTERN_TOO_COMPLEX",
                "正则表达式过于复杂",
                "the pattern is too complex (too many repetitions)",
            ));
        }
        self.prog.push(i);
        Ok(self.prog.len() - 1)
    }

    fn patch(&mut self, at: usize, i: Inst) {
        if let Some(slot) = self.prog.get_mut(at) {
            *slot = i;
        }
    }

    fn emit(&mut self, node: &Node) -> Result<()> {
        match node {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Any => {
                self.push(Inst::Any)?;
            }
            Node::Class(c) => {
                self.classes.push(c.clone());
                self.push(Inst::Class(self.classes.len() - 1))?;
            }
            Node::Assert(a) => {
                self.push(Inst::Assert(*a))?;
            }
            Node::Concat(items) => {
                for n in items {
                    self.emit(n)?;
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, b) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(b)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.emit(b)?;
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
            }
            Node::Repeat(inner, min, max) => {
                for _ in 0..*min {
                    self.emit(inner)?;
                }
                match max {
                    None => {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(inner)?;
                        self.push(Inst::Jmp(split))?;
                        let end = self.prog.len();
                        self.patch(split, Inst::Split(split + 1, end));
                    }
                    Some(max) => {
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.emit(inner)?;
                        }
                        let end = self.prog.len();
                        for s in splits {
                            self.patch(s, Inst::Split(s + 1, end));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl Pattern {
    /// Compiles a pattern written as for `new RegExp(text)`.
    ///
    /// # Errors
    /// `FORM_PATTERN_INVALID` (syntax), `FORM_PATTERN_UNSUPPORTED` (lookaround, back references, `\p{…}`),
    /// `FORM_PATTERN_TOO_COMPLEX` (over 1000 characters or too many expanded repetitions).
    ///
    /// # Example
    /// ```
    /// use mallcare::validation::Pattern;
    /// assert_eq!(Pattern::compile("(?=a)").unwrap_err().code(), "FORM_PATTERN_UNSUPPORTED");
    /// assert_eq!(Pattern::compile("a{2,1}").unwrap_err().code(), "FORM_PATTERN_INVALID");
    /// ```
    pub fn compile(text: &str) -> Result<Pattern> {
        if text.chars().count() > MAX_PATTERN_CHARS {
            return Err(super::err(
                "FORM_PATTERN_TOO_COMPLEX",
                "正则表达式超过 1000 个字符",
                "the pattern is longer than 1000 characters",
            ));
        }
        let mut p = Parser { chars: text.chars().collect(), pos: 0, text };
        let node = p.alt(0)?;
        if p.pos < p.chars.len() {
            return Err(bad(text, "括号不匹配", "unbalanced parenthesis"));
        }
        let mut c = Compiler { prog: Vec::new(), classes: Vec::new() };
        c.emit(&node)?;
        c.push(Inst::Match)?;
        let run_of = match &node {
            Node::Concat(parts) => match parts.as_slice() {
                [Node::Assert(Assert::Start), Node::Repeat(x, lo, hi), Node::Assert(Assert::End)] => match &**x {
                    Node::Char(ch) => Some((Inst::Char(*ch), *lo, *hi)),
                    Node::Any => Some((Inst::Any, *lo, *hi)),
                    Node::Class(cl) => c.classes.iter().position(|k| k == cl).map(|k| (Inst::Class(k), *lo, *hi)),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        Ok(Pattern { source: text.to_string(), prog: c.prog, classes: c.classes, run_of })
    }

    /// The pattern's text.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::validation::Pattern::compile("a+").unwrap().source(), "a+");
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether the pattern matches somewhere in `text` (like `RegExp.prototype.test`). Linear in `text`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let p = mallcare::validation::Pattern::compile(r"^(a+)+$").unwrap();
    /// assert!(!p.is_match(&format!("{}b", "a".repeat(10_000)))); // no catastrophic backtracking
    /// ```
    pub fn is_match(&self, text: &str) -> bool {
        if let Some((x, lo, hi)) = &self.run_of {
            let mut n = 0u32;
            for c in text.chars() {
                if !self.one(x, c) {
                    return false;
                }
                n = n.saturating_add(1);
            }
            return n >= *lo && hi.is_none_or(|hi| n <= hi);
        }
        self.vm(text)
    }

    /// Whether the consuming instruction `inst` accepts `c`.
    fn one(&self, inst: &Inst, c: char) -> bool {
        match inst {
            Inst::Char(x) => *x == c,
            Inst::Any => !matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'),
            Inst::Class(k) => self.classes.get(*k).is_some_and(|cl| cl.matches(c)),
            _ => false,
        }
    }

    /// [`Pattern::is_match`] by the Pike VM.
    fn vm(&self, text: &str) -> bool {
        // The thread lists are reused from call to call (a form checks the same patterns over and over); a nested
        // call, which cannot happen, would simply allocate its own.
        thread_local! {
            static LISTS: std::cell::RefCell<(Threads, Threads, Vec<usize>)> =
                const { std::cell::RefCell::new((Threads::empty(), Threads::empty(), Vec::new())) };
        }
        LISTS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut lists) => {
                let (clist, nlist, stack) = &mut *lists;
                self.run(text, clist, nlist, stack)
            }
            Err(_) => self.run(text, &mut Threads::empty(), &mut Threads::empty(), &mut Vec::new()),
        })
    }

    fn run(&self, text: &str, clist: &mut Threads, nlist: &mut Threads, stack: &mut Vec<usize>) -> bool {
        let n = self.prog.len();
        clist.reset(n);
        nlist.reset(n);
        stack.clear();
        // A pattern starting with `^` can only start matching at the start of the text.
        let anchored = matches!(self.prog.first(), Some(Inst::Assert(Assert::Start)));
        let mut prev: Option<char> = None;
        let mut chars = text.chars();
        let mut cur = chars.next();
        loop {
            if prev.is_none() || !anchored {
                self.add(clist, stack, 0, prev, cur);
            } else if clist.dense.is_empty() {
                return false;
            }
            let mut i = 0;
            while let Some(&pc) = clist.dense.get(i) {
                i += 1;
                let ok = match (self.prog.get(pc), cur) {
                    (Some(Inst::Match), _) => return true,
                    (Some(inst), Some(c)) => self.one(inst, c),
                    _ => false,
                };
                if ok {
                    let next = chars.clone().next();
                    self.add(nlist, stack, pc + 1, cur, next);
                }
            }
            let Some(c) = cur else { return false };
            prev = Some(c);
            cur = chars.next();
            std::mem::swap(clist, nlist);
            nlist.clear();
        }
    }

    /// Adds `pc` and everything reachable from it without consuming input, at the position between `prev` and `next`.
    fn add(&self, list: &mut Threads, stack: &mut Vec<usize>, pc: usize, prev: Option<char>, next: Option<char>) {
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if !list.insert(pc) {
                continue;
            }
            match self.prog.get(pc) {
                Some(Inst::Jmp(t)) => stack.push(*t),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Assert(a)) => {
                    let boundary = prev.is_some_and(is_word) != next.is_some_and(is_word);
                    let holds = match a {
                        Assert::Start => prev.is_none(),
                        Assert::End => next.is_none(),
                        Assert::WordBoundary => boundary,
                        Assert::NotWordBoundary => !boundary,
                    };
                    if holds {
                        stack.push(pc + 1);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A sparse set of program counters, in insertion order.
struct Threads {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl Threads {
    const fn empty() -> Threads {
        Threads { dense: Vec::new(), sparse: Vec::new() }
    }

    /// Empties the set and makes room for `n` instructions.
    fn reset(&mut self, n: usize) {
        self.dense.clear();
        self.sparse.clear();
        self.sparse.resize(n, usize::MAX);
    }

    fn insert(&mut self, pc: usize) -> bool {
        let Some(slot) = self.sparse.get_mut(pc) else { return false };
        if self.dense.get(*slot) == Some(&pc) {
            return false;
        }
        *slot = self.dense.len();
        self.dense.push(pc);
        true
    }

    fn clear(&mut self) {
        self.dense.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_answer_as_the_vm() {
        let patterns = [
            "^[A-Za-z0-9-]{6,32}$",
            r"^\d{6}$",
            "^a*$",
            "^.+$",
            "^[^0-9]{0,3}$",
            r"^[\u4e00-\u9fa5·]{2,4}$",
            "^x?$",
            r"^\s+$",
            "^[a-c]{2,}$",
        ];
        let texts = [
            "",
            "a",
            "aa",
            "abc",
            "SO-20260428-0001",
            "123456",
            "1234567",
            "张三",
            "张·三丰丰",
            " \t",
            "a\n",
            "\n",
            "-----",
            "x",
            "xx",
            "ab1",
        ];
        for p in patterns {
            let pat = Pattern::compile(p).unwrap();
            assert!(pat.run_of.is_some(), "{p} is a run");
            for t in texts {
                let long = t.repeat(7);
                for t in [t, long.as_str()] {
                    assert_eq!(pat.is_match(t), pat.vm(t), "{p} on {t:?}");
                }
            }
        }
        for p in ["^a|b$", "a{2}", "^(ab){2}$", "^a{2}b$"] {
            assert!(Pattern::compile(p).unwrap().run_of.is_none(), "{p} is not a run");
        }
    }

    fn m(p: &str, s: &str) -> bool {
        Pattern::compile(p).unwrap().is_match(s)
    }

    #[test]
    fn javascript_semantics() {
        assert!(m("^1[3-9]\\d{9}$", "13800138000"));
        assert!(!m("^1[3-9]\\d{9}$", "1380013800"));
        assert!(m("b", "abc"));
        assert!(!m("^b", "abc"));
        assert!(m("^(?:foo|bar)+$", "foobarfoo"));
        assert!(m("^a{2,}$", "aaaa"));
        assert!(!m("^a{2,3}$", "aaaa"));
        assert!(m("^[^\\s]+$", "abc"));
        assert!(!m("^[^\\s]+$", "a c"));
        assert!(m("\\bcat\\b", "a cat!"));
        assert!(!m("\\bcat\\b", "concat"));
        assert!(m("x{", "x{"), "a brace that is no quantifier is literal");
        assert!(m("^$", ""));
        assert!(!m("^.$", "\n"));
        assert!(m("^[\\u4e00-\\u9fa5·]+$", "买买提·艾力"));
        assert!(m("^(?<area>\\d{3})-\\d+$", "010-1234"));
        assert!(m("^a*?b$", "aaab"));
    }

    #[test]
    fn rejects_what_it_cannot_do() {
        for p in ["(?=x)", "(?!x)", "(?<=x)", "(a)\\1", "\\p{Han}", "(", ")", "[a-", "*a", "a**", "[z-a]"] {
            assert!(Pattern::compile(p).is_err(), "{p}");
        }
        assert_eq!(Pattern::compile("(a{1000}){1000}").unwrap_err().code(), "FORM_PATTERN_TOO_COMPLEX");
    }
}
