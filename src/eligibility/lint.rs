//! The statutory-floor lint: where a store policy would undercut the law (errors) or makes a questionable choice
//! (warnings). A policy with errors still loads; decisions apply the floor and say so (`FLOOR_APPLIED`, ...).

use super::category;
use super::policy::{Clock, ConditionKind, CouponBreakage, PolicyDoc, Rule, Unit};
use serde::Serialize;
use std::borrow::Cow;

/// How serious a finding is.
///
/// # Example
/// ```
/// use mallcare::eligibility::{ReturnPolicy, Severity};
/// // Refunds issued after 10 days undercut the law's 7 (an error: decisions use 7);
/// // a coupon clawback is legal but must be disclosed (a warning).
/// let p = ReturnPolicy::load(r#"{"version": "1", "settings": {"refundIssueDays": 10, "couponBreakage": "clawBack"}}"#)
///     .unwrap();
/// let found: Vec<(Severity, &str)> = p.lint().iter().map(|f| (f.severity, f.code)).collect();
/// assert!(found.contains(&(Severity::Error, "FLOOR_REFUND_LATE")));
/// assert!(found.contains(&(Severity::Warning, "LINT_COUPON_CLAWBACK")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The policy undercuts the law (a rule, or a `settings` value such as a refund period longer than the law
    /// allows); decisions apply the statutory floor instead.
    Error,
    /// Legal but questionable.
    Warning,
}

/// One lint finding.
///
/// # Example
/// ```
/// let p = mallcare::eligibility::ReturnPolicy::load(r#"{"version": "1", "settings": {"refundIssueDays": 10}}"#).unwrap();
/// assert_eq!(p.lint()[0].code, "FLOOR_REFUND_LATE");
/// assert_eq!(p.lint()[0].path, "settings.refundIssueDays");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code (`FLOOR_WINDOW_SHORT`, ...).
    pub code: &'static str,
    /// Path in the policy document.
    pub path: String,
    /// The rule's id, if the finding is about a rule.
    pub rule: Option<String>,
    /// Message in simplified Chinese.
    pub zh: String,
    /// Message in English.
    pub en: String,
}

/// A finding (one non-generic body for the ~15 sites: the messages are mostly static texts, copied here).
#[inline(never)]
fn f(
    out: &mut Vec<Finding>,
    sev: Severity,
    code: &'static str,
    path: String,
    rule: Option<&Rule>,
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
) {
    out.push(Finding {
        severity: sev,
        code,
        path,
        rule: rule.map(|r| r.id.clone()),
        zh: zh.into_owned(),
        en: en.into_owned(),
    });
}

/// Whether a rule's `then` sets nothing (what `Effects::default()` is), without the derived `PartialEq`.
fn no_effect(t: &super::policy::Effects) -> bool {
    t.refund.is_none()
        && t.exchange.is_none()
        && t.repair.is_none()
        && t.requires.is_none()
        && t.waives.is_none()
        && t.exclusions.is_none()
        && t.quality_defect_override.is_none()
        && t.refund_percent.is_none()
        && t.restocking_fee.is_none()
        && t.freight.is_none()
        && t.free_pickup.is_none()
        && t.evidence.is_none()
        && t.approval.is_none()
        && t.warranty.is_none()
        && t.three_guarantees.is_none()
}

fn distance(rule: &Rule) -> bool {
    rule.when.channels.is_empty() || rule.when.channels.iter().any(|c| c.is_distance())
}

/// Lints a checked document.
pub(crate) fn lint(doc: &PolicyDoc) -> Vec<Finding> {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    for (i, r) in doc.rules.iter().enumerate() {
        let p = format!("rules[{i}]");
        let t = &r.then;
        let online = distance(r);
        if no_effect(t) {
            f(
                &mut out,
                Warning,
                "LINT_RULE_EMPTY",
                format!("{p}.then"),
                Some(r),
                "规则没有设置任何效果".into(),
                "the rule sets no effect".into(),
            );
        }
        if let (Some(w), true) = (t.refund, online) {
            let short = match w.unit {
                Unit::Days => w.days < 7,
                Unit::BusinessDays => w.days < 5,
            };
            if short {
                f(&mut out,
                    Error,
                    "FLOOR_WINDOW_SHORT",
                    format!("{p}.then.refund.days"),
                    Some(r),
                    format!("远程购物的退货期 {} 天短于法定七日无理由退货期；对线上订单将按七日处理", w.days).into(),
                    format!("a {}-day refund window for distance sales is shorter than the statutory seven days; online orders get seven", w.days).into(),
                );
            } else if w.unit == Unit::BusinessDays && w.days < 7 {
                f(
                    &mut out,
                    Warning,
                    "LINT_BUSINESS_DAYS_WINDOW",
                    format!("{p}.then.refund"),
                    Some(r),
                    "以工作日计的退货期遇调休可能短于七个自然日".into(),
                    "a window in business days can be shorter than seven calendar days around make-up working days"
                        .into(),
                );
            }
            if w.clock != Clock::Delivery {
                f(&mut out,
                    Warning,
                    "LINT_WINDOW_CLOCK",
                    format!("{p}.then.refund.clock"),
                    Some(r),
                    "远程购物的法定退货期自签收次日起算；从销售或开票起算可能更短".into(),
                    "the statutory period for distance sales counts from the day after sign-for; counting from the sale or invoice may be shorter".into(),
                );
            }
        }
        if let Some(list) = &t.exclusions {
            for (k, x) in list.iter().enumerate() {
                if online && !x.kind.is_statutory() && !x.needs_confirmation {
                    f(&mut out,
                        Error,
                        "FLOOR_EXCLUSION_UNCONFIRMED",
                        format!("{p}.then.exclusions[{k}].needsConfirmation"),
                        Some(r),
                        "法律未排除的商品，只有经消费者在购买时确认才可不适用七日无理由退货；线上订单将按法定处理".into(),
                        "goods the law does not exclude can only be excluded from no-reason returns if the customer confirmed it at purchase; online orders get the statutory right".into(),
                    );
                }
            }
        }
        if let Some(map) = &t.freight {
            for (name, reason, payer) in map.entries() {
                if reason.is_fault() && payer == Some(super::policy::Payer::Customer) {
                    f(
                        &mut out,
                        Error,
                        "FLOOR_FREIGHT_DEFECT",
                        format!("{p}.then.freight.{name}"),
                        Some(r),
                        "质量问题等经营者责任的退货运费依法由经营者承担".into(),
                        "return freight for a quality problem or other merchant fault is the merchant's by law".into(),
                    );
                }
            }
        }
        if t.quality_defect_override == Some(false) {
            f(
                &mut out,
                Error,
                "FLOOR_DEFECT_OVERRIDE",
                format!("{p}.then.qualityDefectOverride"),
                Some(r),
                "质量问题不受“不退不换”限制，此设置无效".into(),
                "quality defects always override final-sale and exclusions; this setting is ignored".into(),
            );
        }
        if t.three_guarantees == Some(false)
            && r.when.categories.iter().any(|c| category::lookup(c).is_some_and(|c| c.three_guarantees))
        {
            f(
                &mut out,
                Error,
                "FLOOR_THREE_GUARANTEES",
                format!("{p}.then.threeGuarantees"),
                Some(r),
                "三包商品不能通过门店政策取消三包".into(),
                "a store policy cannot take listed goods out of 三包".into(),
            );
        }
        if online && t.refund_percent.is_some_and(|x| x < 100) {
            f(&mut out,
                Warning,
                "LINT_PARTIAL_REFUND_ONLINE",
                format!("{p}.then.refundPercent"),
                Some(r),
                "部分退款只适用于超出法定权利的退货；依法退货仍全额退款".into(),
                "a partial refund applies only to returns beyond the statutory right; returns the law grants are refunded in full".into(),
            );
        }
        if online && t.restocking_fee.is_some_and(|x| x.fixed_fen > 0 || x.percent > 0) {
            f(&mut out,
                Warning,
                "LINT_RESTOCKING_FEE_ONLINE",
                format!("{p}.then.restockingFee"),
                Some(r),
                "七日无理由退货不得收取手续费；手续费只适用于超出法定权利的退货".into(),
                "no fee may be charged on a statutory no-reason return; the fee applies only beyond the statutory right".into(),
            );
        }
        if online
            && t.requires
                .as_ref()
                .is_some_and(|l| l.iter().any(|k| matches!(k, ConditionKind::Packaging | ConditionKind::Unused)))
        {
            f(&mut out,
                Warning,
                "LINT_CONDITION_STRICTER",
                format!("{p}.then.requires"),
                Some(r),
                "法律允许为查验拆开包装或合理试用；七日内对线上订单不执行此要求".into(),
                "the law lets customers open the packaging to inspect or reasonably try the goods; within the seven days this is not enforced online".into(),
            );
        }
        if let Some(w) = t.warranty {
            if w.months < 12
                && r.when.categories.iter().any(|c| category::lookup(c).is_some_and(|c| c.three_guarantees))
            {
                f(
                    &mut out,
                    Warning,
                    "LINT_WARRANTY_SHORT",
                    format!("{p}.then.warranty.months"),
                    Some(r),
                    "三包商品的保修期通常不少于一年，请核对国家三包规定".into(),
                    "三包 warranties are usually at least a year; check the national 三包 rules for the product".into(),
                );
            }
        }
    }
    let s = &doc.settings;
    if s.refund_issue_days.is_some_and(|d| d > 7) {
        f(
            &mut out,
            Error,
            "FLOOR_REFUND_LATE",
            "settings.refundIssueDays".into(),
            None,
            "经营者应自收到退回商品之日起七日内退款；将按七日计算".into(),
            "the merchant must refund within seven days of receiving the goods; seven days are used".into(),
        );
    }
    for (m, d) in &s.refund_business_days {
        if *d > 7 {
            f(
                &mut out,
                Warning,
                "LINT_REFUND_SLOW",
                format!("settings.refundBusinessDays.{m}"),
                None,
                format!("退款到账超过 7 个工作日（{m}）").into(),
                format!("refunds to {m} take more than 7 working days").into(),
            );
        }
    }
    if s.coupon_breakage == CouponBreakage::ClawBack {
        f(
            &mut out,
            Warning,
            "LINT_COUPON_CLAWBACK",
            "settings.couponBreakage".into(),
            None,
            "扣回满减优惠须在购买时明示规则".into(),
            "clawing back threshold coupons must be disclosed at purchase".into(),
        );
    }
    out
}
