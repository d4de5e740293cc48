//! How each document and request type is read by [`Reader`](super::read::Reader): the same fields, defaults and
//! strictness as their `serde` derives (unknown fields are refused, except in an earn record, which may be a whole
//! earn answer).

use super::doc::{
    BenefitsDoc, BirthdayMatch, Caps, ClawbackDoc, Combine, Downgrade, EarningDoc, Exclusions, ExpiryDoc, ExpiryMode,
    LevelDoc, ParkingDoc, PointValue, ProgramDoc, Rate, RedemptionDoc, RewardDoc, RoundMode, RoundScope, RoundingDoc,
    RuleDoc, SpendWaiver, TierBasis, TierWindow, TiersDoc, When, WhenSpent,
};
use super::earn::{LineIn, OrderIn};
use super::read::{FromJson, Reader};
use super::{
    EarnRecord, EarnRecordLine, Event, EventKind, Line, Member, Order, ParkingSession, RedeemKind, RedeemRequest,
    Refund, RefundLine, TierEntry, TierHistory,
};
use crate::Result;

/// A required field, or the missing-field issue at the object's path.
fn need<T>(r: &Reader<'_>, v: Option<T>, name: &str) -> Result<T> {
    v.ok_or_else(|| r.missing(name))
}

impl FromJson for ProgramDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut version, mut name, mut earning, mut tiers, mut redemption) = (None, None, None, None, None);
        let (mut expiry, mut clawback, mut parking) = (ExpiryDoc::default(), ClawbackDoc::default(), None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "version" => version = Some(r.string()?),
                "name" => name = r.opt_string()?,
                "earning" => earning = Some(EarningDoc::read(r)?),
                "tiers" => tiers = if r.null()? { None } else { Some(TiersDoc::read(r)?) },
                "redemption" => redemption = if r.null()? { None } else { Some(RedemptionDoc::read(r)?) },
                "expiry" => expiry = ExpiryDoc::read(r)?,
                "clawback" => {
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "whenSpent" => {
                                clawback.when_spent = r.pick(
                                    &["allowNegative", "deductFromRefund", "forgive"],
                                    &[WhenSpent::AllowNegative, WhenSpent::DeductFromRefund, WhenSpent::Forgive],
                                )?;
                            }
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                }
                "parking" => parking = if r.null()? { None } else { Some(ParkingDoc::read(r)?) },
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(ProgramDoc {
            version: need(r, version, "version")?,
            name,
            earning: earning.unwrap_or_default(),
            tiers,
            redemption,
            expiry,
            clawback,
            parking,
        })
    }
}

impl FromJson for EarningDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut e = EarningDoc::default();
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "rate" => {
                    let (mut points, mut per_yuan) = (None, 1);
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "points" => points = Some(r.int()?),
                            "perYuan" => per_yuan = r.int()?,
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                    e.rate = Rate { points: need(r, points, "points")?, per_yuan };
                }
                "rounding" => {
                    let mut x = RoundingDoc::default();
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "mode" => {
                                x.mode = r.pick(&["floor", "round"], &[RoundMode::Floor, RoundMode::Round])?;
                            }
                            "scope" => {
                                x.scope = r.pick(&["line", "order"], &[RoundScope::Line, RoundScope::Order])?;
                            }
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                    e.rounding = x;
                }
                "pendingDays" => e.pending_days = r.int()?,
                "minimumSpendFen" => e.minimum_spend_fen = r.int()?,
                "exclusions" => {
                    let mut x = Exclusions::default();
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "categories" => x.categories = r.strings()?,
                            "brands" => x.brands = r.strings()?,
                            "skus" => x.skus = r.strings()?,
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                    e.exclusions = x;
                }
                "caps" => {
                    let mut x = Caps::default();
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "perOrder" => x.per_order = r.opt_int()?,
                            "perDay" => x.per_day = r.opt_int()?,
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                    e.caps = x;
                }
                "rules" => e.rules = Vec::<RuleDoc>::read(r)?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(e)
    }
}

impl FromJson for RuleDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut id, mut name, mut priority, mut combine, mut when) = (None, None, None, None, When::default());
        let (mut multiplier_percent, mut bonus_points, mut cap_per_order, mut cap_per_member) =
            (None, None, None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "id" => id = Some(r.string()?),
                "name" => name = r.opt_string()?,
                "priority" => priority = Some(r.int()?),
                "combine" => {
                    combine = Some(r.pick(
                        &["add", "multiply", "bestOf", "exclusive"],
                        &[Combine::Add, Combine::Multiply, Combine::BestOf, Combine::Exclusive],
                    )?);
                }
                "when" => when = When::read(r)?,
                "multiplierPercent" => multiplier_percent = r.opt_int()?,
                "bonusPoints" => bonus_points = r.opt_int()?,
                "capPerOrder" => cap_per_order = r.opt_int()?,
                "capPerMember" => cap_per_member = r.opt_int()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(RuleDoc {
            id: need(r, id, "id")?,
            name,
            priority: need(r, priority, "priority")?,
            combine: need(r, combine, "combine")?,
            when,
            multiplier_percent,
            bonus_points,
            cap_per_order,
            cap_per_member,
        })
    }
}

impl FromJson for When {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut w = When::default();
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "categories" => w.categories = r.strings()?,
                "brands" => w.brands = r.strings()?,
                "skus" => w.skus = r.strings()?,
                "tiers" => w.tiers = r.strings()?,
                "from" => w.from = r.opt_date()?,
                "to" => w.to = r.opt_date()?,
                "weekdays" => {
                    w.weekdays.clear();
                    r.arr()?;
                    while r.item()? {
                        w.weekdays.push(u8::try_from(r.int_in(0, 255)?).unwrap_or(0));
                    }
                }
                "timeFrom" => w.time_from = r.opt_string()?,
                "timeTo" => w.time_to = r.opt_string()?,
                "stores" => w.stores = r.strings()?,
                "channels" => w.channels = r.strings()?,
                "birthday" => {
                    w.birthday = if r.null()? {
                        None
                    } else {
                        Some(r.pick(&["day", "month"], &[BirthdayMatch::Day, BirthdayMatch::Month])?)
                    };
                }
                "firstPurchase" => w.first_purchase = r.opt_bool()?,
                "minOrderFen" => w.min_order_fen = r.opt_int()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(w)
    }
}

impl FromJson for TiersDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut basis, mut window, mut downgrade, mut levels) = (None, None, None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "basis" => basis = Some(r.pick(&["spend", "points"], &[TierBasis::Spend, TierBasis::Points])?),
                "window" => {
                    window = Some(r.pick(
                        &["rolling12Months", "calendarYear"],
                        &[TierWindow::Rolling12Months, TierWindow::CalendarYear],
                    )?);
                }
                "downgrade" => {
                    downgrade =
                        Some(r.pick(&["oneStep", "toSupported"], &[Downgrade::OneStep, Downgrade::ToSupported])?);
                }
                "levels" => levels = Some(Vec::<LevelDoc>::read(r)?),
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(TiersDoc {
            basis: need(r, basis, "basis")?,
            window: need(r, window, "window")?,
            downgrade: need(r, downgrade, "downgrade")?,
            levels: need(r, levels, "levels")?,
        })
    }
}

impl FromJson for LevelDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut id, mut name, mut threshold, mut benefits) = (None, None, None, BenefitsDoc::default());
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "id" => id = Some(r.string()?),
                "name" => name = r.opt_string()?,
                "threshold" => threshold = Some(r.int()?),
                "benefits" => {
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        let b = &mut benefits;
                        match &*k {
                            "pointsMultiplierPercent" => b.points_multiplier_percent = r.opt_int()?,
                            "birthdayGift" => b.birthday_gift = r.opt_string()?,
                            "returnWindowExtraDays" => b.return_window_extra_days = r.opt_int()?,
                            "freeDeliveryThresholdFen" => b.free_delivery_threshold_fen = r.opt_int()?,
                            "freeParkingMinutes" => b.free_parking_minutes = r.opt_int()?,
                            "exclusiveEvents" => b.exclusive_events = r.opt_bool()?,
                            "perks" => b.perks = r.strings()?,
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                }
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(LevelDoc { id: need(r, id, "id")?, name, threshold: need(r, threshold, "threshold")?, benefits })
    }
}

impl FromJson for RedemptionDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut point_value = None;
        let (mut minimum_points, mut step_points, mut max_percent_of_order, mut catalogue) = (0, 1, 100, Vec::new());
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "pointValue" => {
                    let (mut points, mut fen) = (None, None);
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        match &*k {
                            "points" => points = Some(r.int()?),
                            "fen" => fen = Some(r.int()?),
                            _ => return Err(r.unknown(&k)),
                        }
                    }
                    point_value = Some(PointValue { points: need(r, points, "points")?, fen: need(r, fen, "fen")? });
                }
                "minimumPoints" => minimum_points = r.int()?,
                "stepPoints" => step_points = r.int()?,
                "maxPercentOfOrder" => max_percent_of_order = r.int()?,
                "catalogue" => catalogue = Vec::<RewardDoc>::read(r)?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(RedemptionDoc {
            point_value: need(r, point_value, "pointValue")?,
            minimum_points,
            step_points,
            max_percent_of_order,
            catalogue,
        })
    }
}

impl FromJson for RewardDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut id, mut name, mut points, mut tiers) = (None, None, None, Vec::new());
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "id" => id = Some(r.string()?),
                "name" => name = r.opt_string()?,
                "points" => points = Some(r.int()?),
                "tiers" => tiers = r.strings()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(RewardDoc { id: need(r, id, "id")?, name, points: need(r, points, "points")?, tiers })
    }
}

impl FromJson for ExpiryDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut x = ExpiryDoc::default();
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "mode" => {
                    let modes = [
                        ExpiryMode::Never,
                        ExpiryMode::AfterDays,
                        ExpiryMode::AfterMonths,
                        ExpiryMode::EndOfMonth,
                        ExpiryMode::EndOfYear,
                        ExpiryMode::EndOfNextYear,
                    ];
                    let names = ["never", "afterDays", "afterMonths", "endOfMonth", "endOfYear", "endOfNextYear"];
                    x.mode = r.pick(&names, &modes)?;
                }
                "days" => x.days = r.opt_int()?,
                "months" => x.months = r.opt_int()?,
                "warnDays" => x.warn_days = r.int()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(x)
    }
}

impl FromJson for ParkingDoc {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut unit_fen = None;
        let mut p = ParkingDoc {
            free_minutes: 0,
            unit_minutes: 60,
            unit_fen: 0,
            daily_cap_fen: None,
            overnight_fen: 0,
            spend_waivers: Vec::new(),
            pay_with_points: true,
        };
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "freeMinutes" => p.free_minutes = r.int()?,
                "unitMinutes" => p.unit_minutes = r.int()?,
                "unitFen" => unit_fen = Some(r.int()?),
                "dailyCapFen" => p.daily_cap_fen = r.opt_int()?,
                "overnightFen" => p.overnight_fen = r.int()?,
                "spendWaivers" => {
                    r.arr()?;
                    while r.item()? {
                        let (mut min_spend_fen, mut free_minutes) = (None, None);
                        r.obj()?;
                        while let Some(k) = r.key()? {
                            match &*k {
                                "minSpendFen" => min_spend_fen = Some(r.int()?),
                                "freeMinutes" => free_minutes = Some(r.int()?),
                                _ => return Err(r.unknown(&k)),
                            }
                        }
                        p.spend_waivers.push(SpendWaiver {
                            min_spend_fen: need(r, min_spend_fen, "minSpendFen")?,
                            free_minutes: need(r, free_minutes, "freeMinutes")?,
                        });
                    }
                }
                "payWithPoints" => p.pay_with_points = r.bool()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        p.unit_fen = need(r, unit_fen, "unitFen")?;
        Ok(p)
    }
}

/// An order, borrowing its text fields from the JSON text (the earn hot path: no allocation per line).
pub(crate) fn read_order<'a>(r: &mut Reader<'a>) -> Result<OrderIn<'a>> {
    let mut o = OrderIn::default();
    let mut lines = None;
    r.obj()?;
    while let Some(k) = r.key()? {
        match &*k {
            "id" => o.id = r.opt_str()?,
            "store" => o.store = r.opt_str()?,
            "channel" => o.channel = r.opt_str()?,
            "lines" => {
                let mut v = Vec::new();
                r.arr()?;
                while r.item()? {
                    v.push(read_line(r)?);
                }
                lines = Some(v);
            }
            _ => return Err(r.unknown(&k)),
        }
    }
    o.lines = need(r, lines, "lines")?;
    Ok(o)
}

fn read_line<'a>(r: &mut Reader<'a>) -> Result<LineIn<'a>> {
    let mut l = LineIn::default();
    let mut paid = None;
    r.obj()?;
    while let Some(k) = r.key()? {
        match &*k {
            "id" => l.id = r.opt_str()?,
            "sku" => l.sku = r.opt_str()?,
            "category" => l.category = r.opt_str()?,
            "brand" => l.brand = r.opt_str()?,
            "paidFen" => paid = Some(r.int()?),
            "pointsPaid" => l.points_paid = r.int()?,
            "pendingUntil" => l.pending_until = r.opt_date()?,
            _ => return Err(r.unknown(&k)),
        }
    }
    l.paid_fen = need(r, paid, "paidFen")?;
    Ok(l)
}

impl FromJson for Order {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let o = read_order(r)?;
        let own = |s: Option<std::borrow::Cow<'_, str>>| s.map(std::borrow::Cow::into_owned);
        Ok(Order {
            id: own(o.id),
            store: own(o.store),
            channel: own(o.channel),
            lines: o
                .lines
                .into_iter()
                .map(|l| Line {
                    id: own(l.id),
                    sku: own(l.sku),
                    category: own(l.category),
                    brand: own(l.brand),
                    paid_fen: l.paid_fen,
                    points_paid: l.points_paid,
                    pending_until: l.pending_until,
                })
                .collect(),
        })
    }
}

impl FromJson for Member {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut m = Member::default();
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "id" => m.id = r.opt_string()?,
                "tier" => m.tier = r.opt_string()?,
                "birthday" => m.birthday = r.opt_date()?,
                "firstPurchase" => m.first_purchase = r.bool()?,
                "pointsEarnedToday" => m.points_earned_today = r.int()?,
                "campaignPoints" => {
                    r.obj()?;
                    while let Some(k) = r.key()? {
                        let v = r.int()?;
                        m.campaign_points.insert(k.into_owned(), v);
                    }
                }
                "availablePoints" => m.available_points = r.opt_int()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(m)
    }
}

impl FromJson for Event {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut kind, mut at, mut points) = (None, None, None);
        let (mut available_on, mut expires_on, mut reference, mut note) = (None, None, None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "type" => {
                    let kinds =
                        [EventKind::Earn, EventKind::Redeem, EventKind::Expire, EventKind::Clawback, EventKind::Adjust];
                    kind = Some(r.pick(&["earn", "redeem", "expire", "clawback", "adjust"], &kinds)?);
                }
                "at" => at = Some(r.timestamp()?),
                "points" => points = Some(r.int()?),
                "availableOn" => available_on = r.opt_date()?,
                "expiresOn" => expires_on = r.opt_date()?,
                "ref" => reference = r.opt_string()?,
                "note" => note = r.opt_string()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(Event {
            kind: need(r, kind, "type")?,
            at: need(r, at, "at")?,
            points: need(r, points, "points")?,
            available_on,
            expires_on,
            reference,
            note,
        })
    }
}

impl FromJson for RedeemRequest {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let mut kind = None;
        let mut q = RedeemRequest {
            kind: RedeemKind::Cash,
            points: None,
            order_fen: None,
            reward_id: None,
            quantity: None,
            tier: None,
            reference: None,
        };
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "kind" => kind = Some(r.pick(&["cash", "reward"], &[RedeemKind::Cash, RedeemKind::Reward])?),
                "points" => q.points = r.opt_int()?,
                "orderFen" => q.order_fen = r.opt_int()?,
                "rewardId" => q.reward_id = r.opt_string()?,
                "quantity" => q.quantity = r.opt_int()?,
                "tier" => q.tier = r.opt_string()?,
                "ref" => q.reference = r.opt_string()?,
                _ => return Err(r.unknown(&k)),
            }
        }
        q.kind = need(r, kind, "kind")?;
        Ok(q)
    }
}

impl FromJson for EarnRecord {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut order_id, mut lines) = (None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "orderId" => order_id = r.opt_string()?,
                "lines" => {
                    let mut v = Vec::new();
                    r.arr()?;
                    while r.item()? {
                        let (mut paid_fen, mut points, mut points_paid) = (None, None, 0);
                        r.obj()?;
                        while let Some(k) = r.key()? {
                            match &*k {
                                "paidFen" => paid_fen = Some(r.int()?),
                                "points" => points = Some(r.int()?),
                                "pointsPaid" => points_paid = r.int()?,
                                _ => r.skip()?,
                            }
                        }
                        v.push(EarnRecordLine {
                            paid_fen: need(r, paid_fen, "paidFen")?,
                            points: need(r, points, "points")?,
                            points_paid,
                        });
                    }
                    lines = Some(v);
                }
                _ => r.skip()?,
            }
        }
        Ok(EarnRecord { order_id, lines: need(r, lines, "lines")? })
    }
}

impl FromJson for Refund {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut at, mut lines) = (None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "at" => at = Some(r.timestamp()?),
                "lines" => {
                    let mut v = Vec::new();
                    r.arr()?;
                    while r.item()? {
                        let mut line = None;
                        let mut l = RefundLine { line: 0, refund_fen: None, all: false, previously_refunded_fen: 0 };
                        r.obj()?;
                        while let Some(k) = r.key()? {
                            match &*k {
                                "line" => line = Some(usize::try_from(r.int_in(0, i64::MAX)?).unwrap_or(usize::MAX)),
                                "refundFen" => l.refund_fen = r.opt_int()?,
                                "all" => l.all = r.bool()?,
                                "previouslyRefundedFen" => l.previously_refunded_fen = r.int()?,
                                _ => return Err(r.unknown(&k)),
                            }
                        }
                        l.line = need(r, line, "line")?;
                        v.push(l);
                    }
                    lines = Some(v);
                }
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(Refund { at: need(r, at, "at")?, lines: need(r, lines, "lines")? })
    }
}

impl FromJson for TierHistory {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut start_tier, mut start_valid_until, mut entries) = (None, None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "startTier" => start_tier = r.opt_string()?,
                "startValidUntil" => start_valid_until = r.opt_date()?,
                "entries" => {
                    let mut v = Vec::new();
                    r.arr()?;
                    while r.item()? {
                        let mut at = None;
                        let (mut spend_fen, mut points, mut reference) = (None, None, None);
                        r.obj()?;
                        while let Some(k) = r.key()? {
                            match &*k {
                                "at" => at = Some(r.timestamp()?),
                                "spendFen" => spend_fen = r.opt_int()?,
                                "points" => points = r.opt_int()?,
                                "ref" => reference = r.opt_string()?,
                                _ => return Err(r.unknown(&k)),
                            }
                        }
                        v.push(TierEntry { at: need(r, at, "at")?, spend_fen, points, reference });
                    }
                    entries = Some(v);
                }
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(TierHistory { start_tier, start_valid_until, entries: need(r, entries, "entries")? })
    }
}

impl FromJson for ParkingSession {
    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let (mut entry_at, mut exit_at) = (None, None);
        r.obj()?;
        while let Some(k) = r.key()? {
            match &*k {
                "entryAt" => entry_at = Some(r.timestamp()?),
                "exitAt" => exit_at = Some(r.timestamp()?),
                _ => return Err(r.unknown(&k)),
            }
        }
        Ok(ParkingSession { entry_at: need(r, entry_at, "entryAt")?, exit_at: need(r, exit_at, "exitAt")? })
    }
}
