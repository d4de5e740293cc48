//! Errors are data: one [`Issue`] shape (`code`, `path`, `message`) for the whole crate.
//!
//! * `code` is a stable SCREAMING_SNAKE identifier (`DATE_INVALID`, `AMOUNT_TOO_PRECISE`); programs match on it.
//! * `path` points into the input (`lines[2].paidFen`); the empty string means "the input itself".
//! * `message` is for people, in zh-CN (the default) or English, chosen with a [`Locale`].
//!
//! Functions that can fail return [`Result<T>`](crate::Result), whose error carries one or more issues.
//! Validation collects every issue it finds instead of stopping at the first.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The language of human-readable messages.
///
/// # Example
/// ```
/// use mallcare::Locale;
/// assert_eq!(Locale::parse("en-US"), Locale::En);
/// assert_eq!(Locale::parse("zh-CN"), Locale::ZhCn);
/// assert_eq!(Locale::default(), Locale::ZhCn);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Reads a BCP 47 tag leniently: anything starting with `en` is English, everything else zh-CN.
    ///
    /// # Errors
    /// None: unknown tags fall back to zh-CN, the library's default language.
    ///
    /// # Example
    /// ```
    /// use mallcare::Locale;
    /// assert_eq!(Locale::parse("EN"), Locale::En);
    /// assert_eq!(Locale::parse("fr"), Locale::ZhCn);
    /// ```
    pub fn parse(tag: &str) -> Locale {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }
}

/// One problem found in an input: stable `code`, `path` into the input, and a message in both languages.
///
/// Serializes as `{ code, path, message }` with the zh-CN message; use [`Issue::localized`] for another locale.
///
/// # Example
/// ```
/// use mallcare::{Issue, Locale};
/// let issue = Issue::new("DATE_INVALID", "order.soldAt", "日期无效", "invalid date");
/// assert_eq!(issue.code, "DATE_INVALID");
/// assert_eq!(issue.message(Locale::En), "invalid date");
/// assert_eq!(issue.clone().under("request").path, "request.order.soldAt");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Issue {
    /// Stable SCREAMING_SNAKE code.
    pub code: String,
    /// Where in the input: `lines[2].paidFen`; empty for the input itself.
    pub path: String,
    /// Message in simplified Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
}

impl Issue {
    /// Makes an issue.
    ///
    /// # Errors
    /// None; this only builds a value.
    ///
    /// # Example
    /// ```
    /// let i = mallcare::Issue::new("X", "", "中文", "english");
    /// assert_eq!(i.path, "");
    /// ```
    pub fn new(code: &str, path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Issue {
        Issue { code: code.to_string(), path: path.into(), zh: zh.into(), en: en.into() }
    }

    /// The message in `locale`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Issue, Locale};
    /// let i = Issue::new("X", "", "中文", "english");
    /// assert_eq!(i.message(Locale::ZhCn), "中文");
    /// ```
    pub fn message(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.zh,
            Locale::En => &self.en,
        }
    }

    /// Puts this issue's path under `prefix` (`"lines[0]"` + `"paidFen"` = `"lines[0].paidFen"`).
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let i = mallcare::Issue::new("X", "[2]", "", "").under("lines");
    /// assert_eq!(i.path, "lines[2]");
    /// ```
    pub fn under(mut self, prefix: &str) -> Issue {
        self.path = join_path(prefix, &self.path);
        self
    }

    /// A view of this issue in one language, serializable as `{ code, path, message }`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// use mallcare::{Issue, Locale};
    /// let i = Issue::new("X", "a", "中文", "english");
    /// let json = serde_json::to_string(&i.localized(Locale::En)).unwrap();
    /// assert_eq!(json, r#"{"code":"X","path":"a","message":"english"}"#);
    /// ```
    pub fn localized(&self, locale: Locale) -> LocalizedIssue<'_> {
        LocalizedIssue { code: &self.code, path: &self.path, message: self.message(locale) }
    }
}

/// Joins a path prefix and a suffix: `("lines", "[2].x")` → `lines[2].x`, `("a", "b")` → `a.b`.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::error::join_path;
/// assert_eq!(join_path("lines[0]", "paidFen"), "lines[0].paidFen");
/// assert_eq!(join_path("", "paidFen"), "paidFen");
/// assert_eq!(join_path("lines", "[3]"), "lines[3]");
/// ```
pub fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.to_string()
    } else if rest.is_empty() {
        prefix.to_string()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.localized(Locale::ZhCn).serialize(s)
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.en)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.en)
        }
    }
}

/// An [`Issue`] rendered in one language; what crosses to JavaScript.
///
/// # Example
/// ```
/// use mallcare::{Issue, error::Locale};
/// let issue = Issue::new("AMOUNT_INVALID", "totalFen", "金额格式不正确", "not an amount");
/// let en = issue.localized(Locale::En);
/// assert_eq!((en.code, en.path, en.message), ("AMOUNT_INVALID", "totalFen", "not an amount"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalizedIssue<'a> {
    /// Stable code.
    pub code: &'a str,
    /// Path into the input.
    pub path: &'a str,
    /// Message in the chosen locale.
    pub message: &'a str,
}

impl Serialize for LocalizedIssue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Issue", 3)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("path", self.path)?;
        st.serialize_field("message", self.message)?;
        st.end()
    }
}

/// The crate's one error type: a non-empty list of [`Issue`]s.
///
/// # Example
/// ```
/// use mallcare::{Error, Issue};
/// let e = Error::from(Issue::new("DATE_INVALID", "", "日期无效", "invalid date"));
/// assert_eq!(e.code(), "DATE_INVALID");
/// assert!(e.has_code("DATE_INVALID"));
/// assert_eq!(e.issues().len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    issues: Vec<Issue>,
}

impl Error {
    /// Builds an error from issues. An empty list becomes a single `INTERNAL` issue, so an error always says something.
    ///
    /// # Errors
    /// None; this only builds a value.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::new(vec![]);
    /// assert_eq!(e.code(), "INTERNAL");
    /// ```
    pub fn new(issues: Vec<Issue>) -> Error {
        if issues.is_empty() {
            Error {
                issues: vec![Issue::new("INTERNAL", "", "内部错误：错误列表为空", "internal error: empty issue list")],
            }
        } else {
            Error { issues }
        }
    }

    /// The issues, at least one.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::from(mallcare::Issue::new("A", "", "", ""));
    /// assert_eq!(e.issues()[0].code, "A");
    /// ```
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Takes the issues out.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::from(mallcare::Issue::new("A", "", "", ""));
    /// assert_eq!(e.into_issues().len(), 1);
    /// ```
    pub fn into_issues(self) -> Vec<Issue> {
        self.issues
    }

    /// The code of the first issue.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::from(mallcare::Issue::new("A", "", "", ""));
    /// assert_eq!(e.code(), "A");
    /// ```
    pub fn code(&self) -> &str {
        self.issues.first().map_or("INTERNAL", |i| i.code.as_str())
    }

    /// Whether any issue has `code`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::from(mallcare::Issue::new("A", "", "", ""));
    /// assert!(!e.has_code("B"));
    /// ```
    pub fn has_code(&self, code: &str) -> bool {
        self.issues.iter().any(|i| i.code == code)
    }

    /// Puts every issue's path under `prefix`.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let e = mallcare::Error::from(mallcare::Issue::new("A", "x", "", "")).under("order");
    /// assert_eq!(e.issues()[0].path, "order.x");
    /// ```
    pub fn under(self, prefix: &str) -> Error {
        Error { issues: self.issues.into_iter().map(|i| i.under(prefix)).collect() }
    }
}

impl From<Issue> for Error {
    fn from(issue: Issue) -> Error {
        Error { issues: vec![issue] }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for i in &self.issues {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            write!(f, "{i}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.issues.serialize(s)
    }
}

/// Collects issues while checking a whole input, so every problem is reported at once.
///
/// # Example
/// ```
/// use mallcare::error::Issues;
/// let mut issues = Issues::default();
/// issues.push(mallcare::Issue::new("A", "x", "", ""));
/// assert!(issues.finish(()).is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Issues(Vec<Issue>);

impl Issues {
    /// Adds one issue.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// let mut i = mallcare::error::Issues::default();
    /// i.push(mallcare::Issue::new("A", "", "", ""));
    /// assert!(!i.is_empty());
    /// ```
    pub fn push(&mut self, issue: Issue) {
        self.0.push(issue);
    }

    /// Adds every issue of a failed result (under `prefix`) and returns its value if it succeeded.
    ///
    /// # Errors
    /// None; the failure is recorded instead.
    ///
    /// # Example
    /// ```
    /// let mut i = mallcare::error::Issues::default();
    /// let v = i.take(mallcare::parse_date("2026-02-30"), "soldOn");
    /// assert!(v.is_none());
    /// assert!(i.finish(()).unwrap_err().issues()[0].path == "soldOn");
    /// ```
    pub fn take<T>(&mut self, r: crate::Result<T>, prefix: &str) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.under(prefix).into_issues());
                None
            }
        }
    }

    /// Whether nothing was found.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::error::Issues::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` if no issue was found, else the error with all of them.
    ///
    /// # Errors
    /// Every collected issue, if any.
    ///
    /// # Example
    /// ```
    /// assert_eq!(mallcare::error::Issues::default().finish(3).unwrap(), 3);
    /// ```
    pub fn finish<T>(self, value: T) -> crate::Result<T> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::new(self.0))
        }
    }

    /// The issues collected so far.
    ///
    /// # Errors
    /// None.
    ///
    /// # Example
    /// ```
    /// assert!(mallcare::error::Issues::default().into_vec().is_empty());
    /// ```
    pub fn into_vec(self) -> Vec<Issue> {
        self.0
    }
}

/// Shorthand for `Err(Error::from(Issue::new(..)))`.
///
/// # Errors
/// Always: that is its purpose.
///
/// # Example
/// ```
/// let r: mallcare::Result<()> = mallcare::error::fail("X", "p", "中", "en");
/// assert_eq!(r.unwrap_err().code(), "X");
/// ```
pub fn fail<T>(code: &str, path: &str, zh: impl Into<String>, en: impl Into<String>) -> crate::Result<T> {
    Err(Error::from(Issue::new(code, path, zh, en)))
}
