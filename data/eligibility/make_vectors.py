#!/usr/bin/env python3
"""Writes tests/vectors/eligibility-*.json. Every expected number below is worked out by hand from the rules
(the arithmetic is in the case names and in comments), never copied from mallcare's output.

Run from the repository root: python3 data/eligibility/make_vectors.py
"""
import copy
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
STORE = json.load(open(os.path.join(ROOT, 'data', 'eligibility', 'example-store-policy.json')))


def ts(d, t='10:00:00'):
    return f'{d}T{t}+08:00'


def line(id='L1', category='clothing/shoes', qty=1, unit=39900, **kw):
    l = {'id': id, 'category': category, 'quantity': qty, 'unitPriceFen': unit}
    l.update(kw)
    return l


def order(lines=None, channel='online', sold='2026-05-01', signed='2026-05-03T15:00:00+08:00', payments=None, **kw):
    lines = lines or [line()]
    o = {'channel': channel, 'soldAt': ts(sold), 'lines': lines}
    if signed:
        o['signedAt'] = signed
    if payments is None:
        total = sum(l.get('paidFen', l['unitPriceFen'] * l['quantity']) for l in lines) + kw.get('shippingFen', 0)
        payments = [{'method': 'wechat', 'amountFen': total}]
    o['payments'] = payments
    o.update(kw)
    return o


def item(line_id='L1', qty=1, reason='noReason', want='refund', **kw):
    i = {'lineId': line_id, 'quantity': qty, 'reason': reason, 'want': want}
    i.update(kw)
    return i


def req(now, o=None, items=None, **kw):
    r = {'now': now, 'order': o or order(), 'items': items or [item()]}
    r.update(kw)
    return r


def codes(*cs):
    return [{'code': c} for c in cs]


def ev(name, policy, request, value=None, error=None, about=None):
    c = {'name': name, 'call': 'ReturnPolicy.evaluate', 'args': [policy, request]}
    if about:
        c['about'] = about
    c['expect'] = {'value': value} if error is None else {'error': error}
    return c


def write(name, about, cases):
    path = os.path.join(ROOT, 'tests', 'vectors', name)
    with open(path, 'w') as f:
        json.dump({'about': about, 'cases': cases}, f, ensure_ascii=False, indent=1)
        f.write('\n')


S = 'statutory'

# ---------------------------------------------------------------------------------------------------------------
# The law: seven-day no-reason returns, exclusions, intactness, defects.
law = []
REFUND_OK = lambda until, rule='law:no-reason-7d', basis='law': [{'resolution': 'refund', 'until': until, 'basis': basis, 'rule': rule}]

law.append(ev('signed 05-03 15:00: day 1 = 05-04, day 7 = 05-10; at 05-10 23:59:59 China time the refund is allowed', S,
              req('2026-05-10T23:59:59+08:00'),
              {'status': 'approved',
               'policy': {'version': 'statutory'},
               'items': [{'lineId': 'L1', 'granted': True, 'allowed': REFUND_OK('2026-05-10'),
                          'reasons': codes('NO_REASON_WINDOW_OPEN'), 'rules': ['law:no-reason-7d'],
                          'freightPayer': 'customer', 'approval': 'staff',
                          'money': {'listFen': 39900, 'paidFen': 39900, 'refundFen': 39900}}],
               'refund': {'totalFen': 39900, 'byPayment': [{'method': 'wechat', 'amountFen': 39900, 'creditBy': None}]},
               'approval': 'staff',
               # refund due 7 days after the goods come back (handed back now, 05-10): 05-17
               'refundBy': '2026-05-17', 'reviewBy': None,
               'reasons': codes('REFUND_WITHIN_7_DAYS'),
               'rules': ['law:no-reason-7d', 'law:refund-within-7d']}))
law.append(ev('day 8 00:00:00 China time (05-11): the seven days are over', S, req('2026-05-11T00:00:00+08:00'),
              {'status': 'rejected', 'approval': 'auto', 'refundBy': None,
               'items': [{'granted': False, 'allowed': [], 'reasons': codes('NO_REASON_WINDOW_CLOSED', 'RESOLUTION_NOT_ALLOWED')}],
               'refund': {'totalFen': 0, 'byPayment': []}}))
law.append(ev('now given in UTC: 2026-05-10T15:59:59Z is 23:59:59 China time on day 7: allowed', S,
              req('2026-05-10T15:59:59Z'), {'status': 'approved', 'items': [{'granted': True}]}))
law.append(ev('now given in UTC: 2026-05-10T16:00:00Z is 00:00 China time on day 8: closed', S,
              req('2026-05-10T16:00:00Z'), {'status': 'rejected', 'items': [{'granted': False}]}))
law.append(ev('signed at 2026-05-03T16:30:00Z = 05-04 00:30 China time: day 1 is 05-05, so day 7 is 05-11', S,
              req('2026-05-11T20:00:00+08:00', order(signed='2026-05-03T16:30:00Z')),
              {'items': [{'granted': True, 'allowed': REFUND_OK('2026-05-11')}]}))
law.append(ev('signed at 23:59 on 05-03: the sign-for day is not counted, day 7 is 05-10', S,
              req('2026-05-10T12:00:00+08:00', order(signed='2026-05-03T23:59:00+08:00')),
              {'items': [{'granted': True, 'allowed': REFUND_OK('2026-05-10')}]}))
law.append(ev('not signed for yet: the period has not started, refund allowed with no end date yet', S,
              req('2026-05-02T10:00:00+08:00', order(signed=None)),
              {'status': 'approved', 'items': [{'granted': True, 'allowed': REFUND_OK(None), 'reasons': codes('NO_REASON_NOT_YET_SIGNED')}]}))
law.append(ev('TV shopping is a distance sale too', S, req('2026-05-05T10:00:00+08:00', order(channel='tv')),
              {'items': [{'granted': True}]}))
law.append(ev('bought at the counter: no statutory no-reason right', S,
              req('2026-05-02T10:00:00+08:00', order(channel='store', signed=None)),
              {'status': 'rejected', 'items': [{'granted': False, 'reasons': codes('NO_STATUTORY_NO_REASON_RIGHT', 'RESOLUTION_NOT_ALLOWED')}]}))
law.append(ev('statutory policy: the law gives refunds, not exchanges, for no-reason returns', S,
              req('2026-05-05T10:00:00+08:00', items=[item(reason='size', want='exchange')]),
              {'status': 'rejected', 'items': [{'granted': False, 'allowed': REFUND_OK('2026-05-10')}]}))

def rejected(name, l, code, cond=None, rule='law:no-reason-exclusions'):
    it = item(condition=cond) if cond else item()
    law.append(ev(name, S, req('2026-05-05T10:00:00+08:00', order([l]), [it]),
                  {'status': 'rejected', 'items': [{'granted': False, 'allowed': [], 'reasons': codes(code, 'RESOLUTION_NOT_ALLOWED'),
                                                    'rules': [rule]}]}))

def allowed(name, l, cond=None):
    it = item(condition=cond) if cond else item()
    law.append(ev(name, S, req('2026-05-05T10:00:00+08:00', order([l]), [it]),
                  {'status': 'approved', 'items': [{'granted': True, 'allowed': REFUND_OK('2026-05-10')}]}))

rejected('exclusion: made-to-order goods', line(category='clothing/apparel', madeToOrder=True), 'EXCLUDED_MADE_TO_ORDER')
rejected('exclusion: fresh food', line(category='food/fresh', unit=5900), 'EXCLUDED_PERISHABLE')
rejected('exclusion: live seafood', line(category='food/live', unit=12800), 'EXCLUDED_PERISHABLE')
rejected('exclusion: a line tagged perishable', line(category='food/packaged', unit=2500, tags=['perishable']), 'EXCLUDED_PERISHABLE')
rejected('exclusion: software once unsealed', line(category='media/software', unit=29900), 'EXCLUDED_UNSEALED_MEDIA', {'sealBroken': True})
rejected('exclusion: audio-visual once downloaded', line(category='media/audio-visual', unit=8800), 'EXCLUDED_UNSEALED_MEDIA', {'downloaded': True})
allowed('audio-visual still sealed: returnable', line(category='media/audio-visual', unit=8800))
rejected('exclusion: delivered periodicals', line(category='media/periodical', unit=1500), 'EXCLUDED_PERIODICAL')
rejected('confirmation-required exclusion: the customer confirmed at purchase', line(category='cosmetics/skincare', unit=32000, confirmedNonReturnable=True), 'EXCLUDED_CONFIRMED')
allowed('cosmetics not confirmed as non-returnable and sealed: returnable', line(category='cosmetics/skincare', unit=32000))
allowed('near-expiry without purchase-time confirmation: returnable by law', line(category='food/packaged', unit=3000, nearExpiry=True))
rejected('not intact: cosmetics with the one-time seal broken', line(category='cosmetics/skincare', unit=32000), 'NOT_INTACT_SEAL', {'sealBroken': True}, 'law:intact')
rejected('not intact: a phone activated', line(category='electronics/phone', unit=599900), 'NOT_INTACT_ACTIVATED', {'activated': True}, 'law:intact')
rejected('not intact: shoes with tags removed', line(), 'NOT_INTACT_TAGS', {'tagsRemoved': True}, 'law:intact')
rejected('not intact: accessories missing', line(category='electronics/audio', unit=129900), 'NOT_INTACT_ACCESSORIES', {'accessoriesMissing': True}, 'law:intact')
allowed('opening the packaging to inspect does not break intactness', line(), {'packagingMissing': True})
allowed('a reasonable trial does not break intactness', line(category='appliance/small', unit=49900), {'used': True})

law.append(ev('defect overrides the perishable exclusion: spoiled fresh food, refund within 7 days of receipt (05-10), exchange/repair until 2 years after receipt', S,
              req('2026-05-04T09:00:00+08:00', order([line(category='food/fresh', unit=5900)]), [item(reason='spoiled')]),
              {'status': 'approved',
               'items': [{'granted': True, 'freightPayer': 'merchant',
                          'allowed': [{'resolution': 'refund', 'until': '2026-05-10', 'basis': 'law', 'rule': 'law:defect'},
                                      {'resolution': 'exchange', 'until': '2028-05-03', 'basis': 'law'},
                                      {'resolution': 'repair', 'until': '2028-05-03', 'basis': 'law'}],
                          'reasons': codes('DEFECT_OVERRIDES_EXCLUSION', 'DEFECT_RETURN_7D'),
                          'rules': ['law:defect', 'law:freight'], 'money': {'refundFen': 5900}}],
               'refund': {'totalFen': 5900}}))
law.append(ev('defect overrides made-to-order', S,
              req('2026-05-06T09:00:00+08:00', order([line(category='clothing/apparel', madeToOrder=True)]), [item(reason='qualityDefect')]),
              {'status': 'approved', 'items': [{'granted': True, 'reasons': codes('DEFECT_OVERRIDES_EXCLUSION', 'DEFECT_RETURN_7D')}]}))
law.append(ev('defect after 7 days from receipt (05-20): exchange or repair, not refund (CRPL art. 24)', S,
              req('2026-05-20T09:00:00+08:00', items=[item(reason='qualityDefect')]),
              {'status': 'rejected',
               'items': [{'granted': False,
                          'allowed': [{'resolution': 'exchange', 'until': '2028-05-03'}, {'resolution': 'repair', 'until': '2028-05-03'}],
                          'reasons': codes('DEFECT_EXCHANGE_REPAIR', 'RESOLUTION_NOT_ALLOWED')}]}))
law.append(ev('defect after 7 days: exchange asked and granted', S,
              req('2026-05-20T09:00:00+08:00', items=[item(reason='qualityDefect', want='exchange')]),
              {'status': 'approved', 'items': [{'granted': True, 'freightPayer': 'merchant',
                                                'exchange': {'creditFen': 39900, 'newPriceFen': 39900, 'differenceFen': 0}}],
               'refund': {'totalFen': 0}, 'refundBy': None}))
law.append(ev('defect after two years from receipt: nothing', S,
              req('2028-05-04T09:00:00+08:00', items=[item(reason='qualityDefect', want='repair')]),
              {'status': 'rejected', 'items': [{'allowed': [], 'reasons': codes('DEFECT_PERIOD_EXPIRED', 'RESOLUTION_NOT_ALLOWED')}]}))
law.append(ev('wrong item sent: merchant pays freight, full refund', S,
              req('2026-05-04T09:00:00+08:00', items=[item(reason='wrongItem')]),
              {'items': [{'granted': True, 'freightPayer': 'merchant'}], 'refund': {'totalFen': 39900}}))
law.append(ev('whole order back for a defect: shipping refunded too (39900 + 800 = 40700)', S,
              req('2026-05-04T09:00:00+08:00', order(shippingFen=800), [item(reason='damagedInTransit')]),
              {'refund': {'totalFen': 40700, 'itemsFen': 39900, 'shippingFen': 800,
                          'byPayment': [{'method': 'wechat', 'amountFen': 40700}]},
               'reasons': codes('SHIPPING_REFUNDED', 'REFUND_WITHIN_7_DAYS')}))
law.append(ev('whole order back without reason: shipping not refunded (40700 paid - 800 shipping = 39900)', S,
              req('2026-05-04T09:00:00+08:00', order(shippingFen=800), [item()]),
              {'refund': {'totalFen': 39900, 'shippingFen': 0}}))
law.append(ev('refund due 7 days after the goods came back (returnedAt 05-06 -> 05-13)', S,
              req('2026-05-08T09:00:00+08:00', items=[item(returnedAt='2026-05-06T18:00:00+08:00')]),
              {'refundBy': '2026-05-13'}))
law.append(ev('in store without any proof of purchase', S,
              req('2026-05-02T10:00:00+08:00', order(channel='store', signed=None, proof='none'), [item(reason='qualityDefect')]),
              {'status': 'rejected', 'items': [{'granted': False, 'reasons': codes('PROOF_MISSING', 'RESOLUTION_NOT_ALLOWED')}]}))
law.append(ev('in store, no receipt, order found by the member system: the law alone does not accept it', S,
              req('2026-05-02T10:00:00+08:00', order(channel='store', signed=None, proof='memberLookup'), [item(reason='qualityDefect')]),
              {'status': 'rejected', 'items': [{'reasons': codes('PROOF_MEMBER_LOOKUP_NOT_ACCEPTED', 'RESOLUTION_NOT_ALLOWED')}]}))
law.append({'name': 'statutory policy handle', 'call': 'ReturnPolicy.statutory', 'args': [],
            'expect': {'value': {'version': 'statutory'}}})
write('eligibility-law.json',
      'The law as code: seven-day no-reason returns for distance sales (counted from the day after sign-for, ending 24:00 '
      'China time of day 7), statutory and confirmation-required exclusions, intactness per category, defects (CRPL art. 24) '
      'overriding exclusions, freight, shipping and the seven-day refund deadline. Policy: the law alone.', law)

# ---------------------------------------------------------------------------------------------------------------
# 三包: sold in store 2026-05-01 10:00, small appliance, invoice the same day; warranty 12 months -> 2027-05-01.
tg = []
APPL = line(category='appliance/small', unit=59900)


def tg_req(fault, now=None, **kw):
    o = order([APPL], channel='store', signed=None, payments=[{'method': 'card', 'amountFen': 59900}], **kw.pop('o', {}))
    return req(now or ts(fault, '18:00:00'), o, [item(reason='qualityDefect', faultAt=ts(fault, '12:00:00'), **kw)])


T = 'law:three-guarantees'
tg.append(ev('三包 day 7 (fault 05-08, sold 05-01): refund, exchange or repair at the customer\'s choice', S, tg_req('2026-05-08'),
             {'status': 'approved',
              'items': [{'granted': True, 'warrantyUntil': '2027-05-01',
                         'allowed': [{'resolution': 'refund', 'until': '2026-05-08', 'basis': 'threeGuarantees', 'rule': T},
                                     {'resolution': 'exchange', 'until': '2026-05-16', 'basis': 'threeGuarantees'},
                                     {'resolution': 'repair', 'until': '2027-05-01', 'basis': 'threeGuarantees'}],
                         'reasons': codes('THREE_GUARANTEES_7D'), 'freightPayer': 'merchant'}],
              'refund': {'totalFen': 59900, 'byPayment': [{'method': 'card', 'amountFen': 59900}]}}))
tg.append(ev('三包 day 8 (fault 05-09): exchange or repair, no refund', S, tg_req('2026-05-09'),
             {'status': 'rejected',
              'items': [{'granted': False,
                         'allowed': [{'resolution': 'exchange', 'until': '2026-05-16'}, {'resolution': 'repair', 'until': '2027-05-01'}],
                         'reasons': codes('THREE_GUARANTEES_15D', 'RESOLUTION_NOT_ALLOWED')}]}))
tg.append(ev('三包 day 15 (fault 05-16): exchange still allowed', S, tg_req('2026-05-16', want='exchange'),
             {'status': 'approved', 'items': [{'granted': True, 'allowed': [{'resolution': 'exchange', 'until': '2026-05-16'}, {'resolution': 'repair'}]}]}))
tg.append(ev('三包 day 16 (fault 05-17): repair only', S, tg_req('2026-05-17', want='exchange'),
             {'status': 'rejected', 'items': [{'granted': False, 'allowed': [{'resolution': 'repair', 'until': '2027-05-01'}],
                                               'reasons': codes('THREE_GUARANTEES_REPAIR', 'RESOLUTION_NOT_ALLOWED')}]}))
tg.append(ev('三包 within warranty: repair granted', S, tg_req('2026-09-01', want='repair'),
             {'status': 'approved', 'items': [{'granted': True, 'allowed': [{'resolution': 'repair', 'until': '2027-05-01'}]}],
              'refund': {'totalFen': 0}}))
tg.append(ev('三包 after two failed repairs: exchange or return', S, tg_req('2026-09-01', failedRepairs=2),
             {'status': 'approved',
              'items': [{'granted': True,
                         'allowed': [{'resolution': 'refund', 'until': '2027-05-01'}, {'resolution': 'exchange', 'until': '2027-05-01'},
                                     {'resolution': 'repair', 'until': '2027-05-01'}],
                         'reasons': codes('THREE_GUARANTEES_REPAIRS_FAILED')}], 'refund': {'totalFen': 59900}}))
tg.append(ev('三包 one failed repair is not enough for a return', S, tg_req('2026-09-01', failedRepairs=1),
             {'status': 'rejected', 'items': [{'allowed': [{'resolution': 'repair'}]}]}))
tg.append(ev('三包 after the warranty (fault 2027-05-02): nothing under the law', S, tg_req('2027-05-02', want='repair'),
             {'status': 'rejected', 'items': [{'allowed': [], 'reasons': codes('THREE_GUARANTEES_EXPIRED', 'RESOLUTION_NOT_ALLOWED')}]}))
tg.append(ev('三包 clocks run from the invoice (05-03): fault 05-10 is day 7, refund until 05-10', S,
             tg_req('2026-05-10', o={'invoicedAt': ts('2026-05-03')}),
             {'items': [{'granted': True, 'allowed': [{'resolution': 'refund', 'until': '2026-05-10'}, {'resolution': 'exchange', 'until': '2026-05-18'},
                                                       {'resolution': 'repair', 'until': '2027-05-03'}]}]}))
tg.append(ev('三包 clocks run from the sale, not from delivery: online phone sold 05-01, signed 05-05, fault 05-09 is day 8', S,
             req('2026-05-09T18:00:00+08:00', order([line(category='electronics/phone', unit=599900)], signed='2026-05-05T10:00:00+08:00'),
                 [item(reason='qualityDefect', faultAt='2026-05-09T12:00:00+08:00')]),
             {'status': 'rejected', 'items': [{'allowed': [{'resolution': 'exchange', 'until': '2026-05-16'}, {'resolution': 'repair'}]}]}))
tg.append(ev('三包 void after a private repair', S, tg_req('2026-05-08', condition={'privatelyRepaired': True}),
             {'status': 'rejected', 'items': [{'allowed': [], 'reasons': codes('THREE_GUARANTEES_VOID', 'RESOLUTION_NOT_ALLOWED')}]}))
tg.append(ev('a fault reported without faultAt is dated now', S,
             req('2026-05-08T18:00:00+08:00', order([APPL], channel='store', signed=None, payments=[{'method': 'card', 'amountFen': 59900}]),
                 [item(reason='qualityDefect')]),
             {'items': [{'granted': True, 'reasons': codes('THREE_GUARANTEES_7D')}]}))
write('eligibility-three-guarantees.json',
      '三包 for listed goods (appliances, phones, computers, ...): fault within 7 days of sale/invoice -> return, exchange or '
      'repair; within 15 days -> exchange or repair; within warranty (12 months unless the policy says) -> repair; two failed '
      'repairs -> exchange or return. Days counted per Civil Code art. 201 (sale day not counted).', tg)

# ---------------------------------------------------------------------------------------------------------------
# Store practices, with the example store policy (data/eligibility/example-store-policy.json).
st = []
SHIRT = line(category='clothing/apparel', unit=29900)


def store_order(lines=None, **kw):
    kw.setdefault('payments', None)
    return order(lines or [SHIRT], channel='store', signed=None, **kw)


st.append({'name': 'the example store policy loads', 'call': 'ReturnPolicy.load', 'args': [STORE],
           'expect': {'value': {'version': '2026.05-a'}}})
st.append({'name': 'the example store policy lints with warnings only: holiday windows count from the sale, the 80% rate only applies '
                   'beyond the law online, coupon clawback must be disclosed', 'call': 'ReturnPolicy.lint', 'args': [STORE],
           'expect': {'value': [{'severity': 'warning', 'code': 'LINT_WINDOW_CLOCK', 'path': 'rules[2].then.refund.clock', 'rule': 'holiday-gifts'},
                                {'severity': 'warning', 'code': 'LINT_PARTIAL_REFUND_ONLINE', 'path': 'rules[4].then.refundPercent', 'rule': 'near-expiry'},
                                {'severity': 'warning', 'code': 'LINT_COUPON_CLAWBACK', 'path': 'settings.couponBreakage', 'rule': None}]}})
st.append(ev('in store, day 15 (sold Fri 05-01, now Sat 05-16): the store\'s 15 days allow refund and exchange', STORE,
             req('2026-05-16T16:00:00+08:00', store_order(payments=[{'method': 'cash', 'amountFen': 29900}])),
             {'status': 'approved',
              'policy': {'version': '2026.05-a'},
              'items': [{'granted': True,
                         'allowed': [{'resolution': 'refund', 'until': '2026-05-16', 'basis': 'store', 'rule': 'base-15d'},
                                     {'resolution': 'exchange', 'until': '2026-05-16', 'basis': 'store', 'rule': 'base-15d'}],
                         'reasons': codes('STORE_WINDOW_OPEN'),
                         'freightPayer': 'customer', 'approval': 'auto'}],
              # 29900 <= autoMaxFen 50000: automatic
              'approval': 'auto',
              # review: 1 working day after Sat 05-16 -> Mon 05-18; refund issued within 3 days of receipt -> 05-19;
              # cash reaches the customer 0 working days after that -> 05-19
              'reviewBy': '2026-05-18', 'refundBy': '2026-05-19',
              'refund': {'totalFen': 29900, 'byPayment': [{'method': 'cash', 'amountFen': 29900, 'creditBy': '2026-05-19'}]}}))
st.append(ev('in store, day 16: the store window is over and the law gives nothing in store', STORE,
             req('2026-05-17T10:00:00+08:00', store_order()),
             {'status': 'rejected',
              'items': [{'granted': False, 'allowed': [],
                         'reasons': codes('STORE_WINDOW_CLOSED', 'NO_STATUTORY_NO_REASON_RIGHT', 'RESOLUTION_NOT_ALLOWED')}]}))
st.append(ev('gold member, day 30 (05-31): the member rule (priority 10) beats the base rule', STORE,
             req('2026-05-31T10:00:00+08:00', store_order(member={'id': 'M1', 'tier': 'gold'})),
             {'status': 'approved', 'items': [{'granted': True, 'allowed': [{'resolution': 'refund', 'until': '2026-05-31', 'rule': 'members-30d'},
                                                                             {'resolution': 'exchange', 'until': '2026-05-31', 'rule': 'members-30d'}]}]}))
st.append(ev('silver member, day 30: only the base rule matches', STORE,
             req('2026-05-31T10:00:00+08:00', store_order(member={'id': 'M1', 'tier': 'silver'})),
             {'status': 'rejected'}))
st.append(ev('holiday gift bought 2026-12-20 in store: 45 days from the sale -> 2027-02-03', STORE,
             req('2026-12-30T10:00:00+08:00', store_order(sold='2026-12-20'), [item(want='exchange')]),
             {'status': 'approved', 'items': [{'allowed': [{'resolution': 'refund', 'until': '2027-02-03', 'rule': 'holiday-gifts'},
                                                           {'resolution': 'exchange', 'until': '2027-02-03', 'rule': 'holiday-gifts'}]}]}))
st.append(ev('no receipt: the member system found the order; accepted, and a person approves', STORE,
             req('2026-05-05T10:00:00+08:00', store_order(proof='memberLookup')),
             {'status': 'approved', 'approval': 'staff',
              'items': [{'granted': True, 'approval': 'staff', 'reasons': codes('PROOF_MEMBER_LOOKUP', 'STORE_WINDOW_OPEN')}]}))
st.append(ev('store tag rule: tags removed -> the store condition fails (the law gives nothing in store)', STORE,
             req('2026-05-05T10:00:00+08:00', store_order(), [item(condition={'tagsRemoved': True})]),
             {'status': 'rejected', 'items': [{'reasons': codes('CONDITION_NOT_MET', 'NO_STATUTORY_NO_REASON_RIGHT', 'RESOLUTION_NOT_ALLOWED')}]}))
FRESH = line(category='food/fresh', unit=3990, sku='STRAWBERRY-500G')
st.append(ev('fresh food spoiled, photo attached: refunded automatically', STORE,
             req('2026-05-03T20:00:00+08:00', order([FRESH], signed='2026-05-03T09:00:00+08:00'),
                 [item(reason='spoiled', evidence={'photos': 1})]),
             {'status': 'approved', 'approval': 'auto',
              'items': [{'granted': True, 'evidenceNeeded': [], 'approval': 'auto',
                         'reasons': codes('DEFECT_OVERRIDES_EXCLUSION', 'DEFECT_RETURN_7D', 'STORE_WINDOW_OPEN'),
                         'rules': ['law:defect', 'base-15d', 'law:freight', 'fresh-photo-refund']}],
              'refund': {'totalFen': 3990}}))
st.append(ev('fresh food spoiled, no photo yet: allowed once one photo arrives', STORE,
             req('2026-05-03T20:00:00+08:00', order([FRESH], signed='2026-05-03T09:00:00+08:00'), [item(reason='spoiled')]),
             {'status': 'needsEvidence',
              'items': [{'granted': True, 'evidenceNeeded': [{'kind': 'photo', 'count': 1, 'rule': 'fresh-photo-refund'}]}]}))
st.append(ev('fresh food without a fault: excluded by law and by the store', STORE,
             req('2026-05-03T20:00:00+08:00', order([FRESH], signed='2026-05-03T09:00:00+08:00')),
             {'status': 'rejected', 'items': [{'reasons': codes('EXCLUDED_PERISHABLE', 'EXCLUDED_BY_STORE', 'RESOLUTION_NOT_ALLOWED')}]}))
NEAR = line(category='food/packaged', unit=5000, tags=['nearExpiry'], nearExpiry=True, confirmedNonReturnable=True)
st.append(ev('near-expiry in store, no reason: 80% refund (5000 x 80% = 4000)', STORE,
             req('2026-05-03T10:00:00+08:00', store_order([NEAR])),
             {'status': 'approved',
              'items': [{'granted': True, 'allowed': [{'resolution': 'refund', 'until': '2026-05-08', 'rule': 'near-expiry'},
                                                      {'resolution': 'exchange', 'until': '2026-05-08', 'rule': 'near-expiry'}],
                         'money': {'paidFen': 5000, 'rateDeductionFen': 1000, 'refundFen': 4000},
                         'reasons': codes('STORE_WINDOW_OPEN', 'PARTIAL_REFUND_RATE')}],
              'refund': {'totalFen': 4000}}))
st.append(ev('near-expiry in store: exchange for a fresher batch at the same price, nothing to pay', STORE,
             req('2026-05-03T10:00:00+08:00', store_order([NEAR]), [item(want='exchange')]),
             {'status': 'approved', 'items': [{'granted': True, 'exchange': {'creditFen': 5000, 'newPriceFen': 5000, 'differenceFen': 0}}],
              'refund': {'totalFen': 0}}))
NEAR_ONLINE = line(category='food/packaged', unit=5000, tags=['nearExpiry'], nearExpiry=True)
st.append(ev('near-expiry online, not confirmed at purchase: the law refunds in full within 7 days; the 80% rate is waived', STORE,
             req('2026-05-05T10:00:00+08:00', order([NEAR_ONLINE])),
             {'status': 'approved',
              'items': [{'granted': True, 'money': {'rateDeductionFen': 0, 'refundFen': 5000},
                         'reasons': codes('NO_REASON_WINDOW_OPEN', 'STORE_WINDOW_OPEN', 'FLOOR_FEE_WAIVED')}],
              'refund': {'totalFen': 5000}}))
SOFA = line(category='home/furniture', unit=459900, tags=['large'])
st.append(ev('large item online, no reason: the store picks it up free (merchant pays freight)', STORE,
             req('2026-05-05T10:00:00+08:00', order([SOFA])),
             {'status': 'approved', 'items': [{'granted': True, 'freePickup': True, 'freightPayer': 'merchant'}],
              # 459900 > staffMaxFen 300000: a manager approves
              'approval': 'manager'}))
st.append(ev('size exchange online: the store pays the freight for size problems', STORE,
             req('2026-05-05T10:00:00+08:00', order(), [item(reason='size', want='exchange')]),
             {'status': 'approved', 'items': [{'granted': True, 'freightPayer': 'merchant'}]}))
st.append(ev('refund times: online wechat refund; handed back Thu 05-07, issued within 3 days -> Sun 05-10; '
             'wechat credits 3 working days later: Mon 05-11, Tue 05-12, Wed 05-13', STORE,
             req('2026-05-07T10:00:00+08:00', order()),
             {'refundBy': '2026-05-10', 'reviewBy': '2026-05-08',
              'refund': {'byPayment': [{'method': 'wechat', 'amountFen': 39900, 'creditBy': '2026-05-13'}]}}))
st.append(ev('review by 1 working day: asked Fri 05-08, Sat 05-09 is a make-up working day (调休)', STORE,
             req('2026-05-08T10:00:00+08:00', order()), {'reviewBy': '2026-05-09'}))
UNDIES = line(category='clothing/underwear', unit=15900, confirmedNonReturnable=True)
st.append(ev('underwear with the hygiene seal opened, confirmed at purchase: excluded by the store', STORE,
             req('2026-05-05T10:00:00+08:00', store_order([UNDIES]), [item(condition={'sealBroken': True})]),
             {'status': 'rejected', 'items': [{'reasons': codes('EXCLUDED_BY_STORE', 'NO_STATUTORY_NO_REASON_RIGHT', 'RESOLUTION_NOT_ALLOWED'),
                                               'rules': ['underwear-hygiene', 'law:no-reason-7d']}]}))
WASHER = line(category='appliance/large', unit=329900)
st.append(ev('appliance extended warranty: invoice 2026-05-01, 12 + 24 months -> repair until 2029-05-01; fault 2027-08-01', STORE,
             req('2027-08-01T10:00:00+08:00', order([WASHER], channel='store', signed=None), [item(reason='qualityDefect', want='repair')]),
             {'status': 'approved',
              'items': [{'granted': True, 'warrantyUntil': '2029-05-01',
                         'allowed': [{'resolution': 'repair', 'until': '2029-05-01', 'basis': 'store', 'rule': 'appliance-extended'}],
                         'reasons': codes('WARRANTY_EXTENDED')}],
              # review by 1 working day, but the embedded calendar ends with 2026: left empty, and said so
              'reviewBy': None, 'reasons': codes('DEADLINE_CALENDAR_UNKNOWN')}))
RING = line(category='jewelry/gold', unit=880000)
st.append(ev('jewelry over ¥5,000, fault in 2027: the law allows exchange or repair until 2 years after receipt (2028-05-01); '
             'the store\'s 12 + 24 months from the sale repair until 2029-05-01', STORE,
             req('2027-06-01T10:00:00+08:00', order([RING], channel='store', signed=None), [item(reason='qualityDefect', want='repair')]),
             {'status': 'approved', 'items': [{'warrantyUntil': '2029-05-01',
                                               'allowed': [{'resolution': 'exchange', 'until': '2028-05-01', 'basis': 'law', 'rule': 'law:defect'},
                                                           {'resolution': 'repair', 'until': '2029-05-01', 'basis': 'store', 'rule': 'jewelry-extended'}],
                                               'reasons': codes('DEFECT_EXCHANGE_REPAIR', 'WARRANTY_STORE')}]}))

# Floors: store rules that undercut the law still load, the decision applies the law and says so.
THREE_DAY = {'version': 'bad-1', 'rules': [{'id': 'three-days', 'priority': 1, 'then': {'refund': {'days': 3}}}]}
st.append({'name': 'lint: a 3-day online window undercuts the seven days', 'call': 'ReturnPolicy.lint', 'args': [THREE_DAY],
           'expect': {'value': [{'severity': 'error', 'code': 'FLOOR_WINDOW_SHORT', 'path': 'rules[0].then.refund.days', 'rule': 'three-days'}]}})
st.append(ev('floor: 3-day window, online day 5 -> the law refunds and the decision says the floor applied', THREE_DAY,
             req('2026-05-08T10:00:00+08:00'),
             {'status': 'approved',
              'items': [{'granted': True, 'allowed': REFUND_OK('2026-05-10'),
                         'reasons': codes('NO_REASON_WINDOW_OPEN', 'STORE_WINDOW_CLOSED', 'FLOOR_APPLIED'),
                         'rules': ['law:no-reason-7d', 'three-days']}]}))
FINAL = {'version': 'bad-2', 'rules': [{'id': 'final-sale', 'priority': 1, 'when': {'tags': ['clearance']},
                                        'then': {'exclusions': [{'kind': 'finalSale'}]}}]}
st.append({'name': 'lint: final sale without purchase-time confirmation', 'call': 'ReturnPolicy.lint', 'args': [FINAL],
           'expect': {'value': [{'severity': 'error', 'code': 'FLOOR_EXCLUSION_UNCONFIRMED', 'path': 'rules[0].then.exclusions[0].needsConfirmation'}]}})
st.append(ev('floor: an unconfirmed final-sale exclusion online; the law still refunds', FINAL,
             req('2026-05-05T10:00:00+08:00', order([line(tags=['clearance'])])),
             {'status': 'approved', 'items': [{'granted': True, 'reasons': codes('NO_REASON_WINDOW_OPEN', 'EXCLUDED_BY_STORE', 'FLOOR_APPLIED')}]}))
st.append(ev('final sale in store: excluded (no statutory right in store)', FINAL,
             req('2026-05-02T10:00:00+08:00', order([line(tags=['clearance'])], channel='store', signed=None)),
             {'status': 'rejected'}))
FREIGHT = {'version': 'bad-3', 'rules': [{'id': 'cheap-freight', 'priority': 1, 'then': {'freight': {'qualityDefect': 'customer'}}}]}
st.append({'name': 'lint: freight charged for a defect', 'call': 'ReturnPolicy.lint', 'args': [FREIGHT],
           'expect': {'value': [{'severity': 'error', 'code': 'FLOOR_FREIGHT_DEFECT', 'path': 'rules[0].then.freight.qualityDefect'}]}})
st.append(ev('floor: freight for a defect stays with the merchant', FREIGHT,
             req('2026-05-05T10:00:00+08:00', items=[item(reason='qualityDefect')]),
             {'items': [{'freightPayer': 'merchant', 'reasons': codes('DEFECT_RETURN_7D', 'FLOOR_FREIGHT')}]}))
LATE = {'version': 'bad-4', 'settings': {'refundIssueDays': 10}, 'rules': []}
st.append({'name': 'lint: refunds issued later than 7 days', 'call': 'ReturnPolicy.lint', 'args': [LATE],
           'expect': {'value': [{'severity': 'error', 'code': 'FLOOR_REFUND_LATE'}]}})
st.append(ev('floor: refund still due within 7 days (05-05 -> 05-12)', LATE, req('2026-05-05T10:00:00+08:00'), {'refundBy': '2026-05-12'}))
NOTHREE = {'version': 'bad-5', 'rules': [{'id': 'no-sanbao', 'priority': 1, 'when': {'categories': ['appliance']},
                                          'then': {'threeGuarantees': False, 'qualityDefectOverride': False}}]}
st.append({'name': 'lint: cannot opt listed goods out of 三包 or defects out of the override', 'call': 'ReturnPolicy.lint', 'args': [NOTHREE],
           'expect': {'value': [{'code': 'FLOOR_DEFECT_OVERRIDE'}, {'code': 'FLOOR_THREE_GUARANTEES'}]}})
st.append(ev('floor: 三包 still applies', NOTHREE, tg_req('2026-05-08'),
             {'status': 'approved', 'items': [{'reasons': codes('FLOOR_APPLIED', 'THREE_GUARANTEES_7D')}]}))

BIZ = {'version': 'biz-1', 'rules': [{'id': 'five-working-days', 'priority': 1, 'when': {'channels': ['store']},
                                      'then': {'refund': {'days': 5, 'unit': 'businessDays', 'clock': 'sale'}}}]}
st.append(ev('business-day window: sold Thu 04-30; 05-01..05-05 are off, working days 05-06, 07, 08, Sat 05-09 (调休), Mon 05-11 '
             '-> open through 05-11', BIZ, req('2026-05-11T20:00:00+08:00', order(channel='store', sold='2026-04-30', signed=None)),
             {'status': 'approved', 'items': [{'allowed': [{'resolution': 'refund', 'until': '2026-05-11', 'basis': 'store', 'rule': 'five-working-days'}]}]}))
st.append(ev('business-day window: closed on 05-12', BIZ, req('2026-05-12T09:00:00+08:00', order(channel='store', sold='2026-04-30', signed=None)),
             {'status': 'rejected', 'items': [{'reasons': codes('STORE_WINDOW_CLOSED', 'NO_STATUTORY_NO_REASON_RIGHT', 'RESOLUTION_NOT_ALLOWED')}]}))
BRAND = {'version': 'brand-1', 'rules': [{'id': 'acme-pickup-30d', 'priority': 1,
                                          'when': {'brands': ['Acme'], 'skus': ['ACME-1', 'ACME-2'], 'fulfilment': ['pickup']},
                                          'then': {'refund': {'days': 30}}}]}
st.append(ev('brand + SKU + fulfilment selector matches: picked up 05-02, 30 days -> 06-01', BRAND,
             req('2026-05-20T10:00:00+08:00', order([line(brand='Acme', sku='ACME-2')], channel='store', signed='2026-05-02T10:00:00+08:00', fulfilment='pickup')),
             {'status': 'approved', 'items': [{'allowed': [{'resolution': 'refund', 'until': '2026-06-01', 'rule': 'acme-pickup-30d'}]}]}))
st.append(ev('brand selector does not match another brand', BRAND,
             req('2026-05-20T10:00:00+08:00', order([line(brand='Other', sku='ACME-2')], channel='store', signed='2026-05-02T10:00:00+08:00', fulfilment='pickup')),
             {'status': 'rejected'}))
st.append(ev('fulfilment selector does not match a carry-out sale', BRAND,
             req('2026-05-20T10:00:00+08:00', order([line(brand='Acme', sku='ACME-1')], channel='store', signed=None)),
             {'status': 'rejected'}))
st.append(ev('a risk flag from the store\'s systems raises a routine refund to staff approval', STORE,
             req('2026-05-05T10:00:00+08:00', order(), riskFlags=['frequentReturner']),
             {'status': 'approved', 'approval': 'staff', 'items': [{'approval': 'staff'}]}))
st.append(ev('the same refund without a risk flag is automatic (39900 <= autoMaxFen 50000)', STORE,
             req('2026-05-05T10:00:00+08:00', order()), {'approval': 'auto'}))
# The lean shape: { explain: false } keeps codes, rules and amounts and leaves out the zh/en messages ("zh": None pins
# that the key is absent). The same worked decision as docs/eligibility.md (shoes, online, signed 05-03, now 05-07).
WORKED = req('2026-05-07T10:00:00+08:00', order())
LEAN_REASONS = [{'code': 'NO_REASON_WINDOW_OPEN', 'rule': 'law:no-reason-7d', 'zh': None, 'en': None},
                {'code': 'STORE_WINDOW_OPEN', 'rule': 'base-15d', 'zh': None, 'en': None}]
LEAN_VALUE = {'status': 'approved',
              'items': [{'granted': True,
                         'allowed': [{'resolution': 'refund', 'until': '2026-05-18', 'basis': 'store', 'rule': 'base-15d'},
                                     {'resolution': 'exchange', 'until': '2026-05-18', 'basis': 'store', 'rule': 'base-15d'}],
                         'reasons': LEAN_REASONS, 'money': {'paidFen': 39900, 'refundFen': 39900}}],
              'refund': {'totalFen': 39900, 'byPayment': [{'method': 'wechat', 'amountFen': 39900, 'creditBy': '2026-05-13'}]},
              'approval': 'auto', 'reviewBy': '2026-05-08', 'refundBy': '2026-05-10',
              'reasons': [{'code': 'REFUND_WITHIN_7_DAYS', 'rule': 'law:refund-within-7d', 'zh': None, 'en': None}]}
st.append({'name': 'explain: false: the worked decision without messages (codes, rules, amounts and dates unchanged)',
           'call': 'ReturnPolicy.evaluate', 'args': [STORE, WORKED, {'explain': False}], 'expect': {'value': LEAN_VALUE}})
st.append({'name': 'explain: true is the default shape: every reason carries zh and en',
           'call': 'ReturnPolicy.evaluate', 'args': [STORE, WORKED, {'explain': True}],
           'expect': {'value': {'items': [{'reasons': [{'code': 'NO_REASON_WINDOW_OPEN', 'rule': 'law:no-reason-7d',
                                                        'en': 'within the statutory seven-day no-reason period for distance sales (counted from the day after sign-for, ending 24:00 of day 7)'},
                                                       {'code': 'STORE_WINDOW_OPEN', 'rule': 'base-15d', 'zh': '在门店政策的退换期内'}]}]}}})
st.append({'name': 'evaluateJson: JSON text in, JSON text out (here parsed), same decision; explain: false as for evaluate',
           'call': 'ReturnPolicy.evaluateJson', 'args': [STORE, json.dumps(WORKED, ensure_ascii=False), {'explain': False}],
           'expect': {'value': LEAN_VALUE}})
st.append({'name': 'evaluateMany with explain: false: each decision lean, each bad request still answered with its issues',
           'call': 'ReturnPolicy.evaluateMany',
           'args': [STORE, [WORKED, req('2026-05-07T10:00:00+08:00', order(), [item('L9')])], {'explain': False}],
           'expect': {'value': [{'ok': True, 'value': {'status': 'approved', 'items': [{'reasons': LEAN_REASONS}]}},
                                {'ok': False, 'issues': [{'code': 'REQUEST_LINE_UNKNOWN', 'path': 'items[0].lineId'}]}]}})
st.append({'name': 'an explain option that is not a boolean is an error', 'call': 'ReturnPolicy.evaluate',
           'args': [STORE, WORKED, {'explain': 'no'}], 'expect': {'error': [{'code': 'INPUT_INVALID', 'path': 'options.explain'}]}})
write('eligibility-store.json',
      'Store practices on top of the law, with data/eligibility/example-store-policy.json (15-day base, 30 days for gold '
      'members, holiday gifts, fresh-food photo refunds, near-expiry 80%, free pick-up, extended warranties, refund times, '
      'no-receipt returns) and floor cases: store rules that undercut the law load, lint as errors, and decisions apply the law.', st)

# ---------------------------------------------------------------------------------------------------------------
# Money: apportioning discounts, coupons and points; partial returns; gifts; breakage; payment split.
mo = []
# Lines: A 2 x 15000 = 30000, B 10000, C 5000, G gift of A (0, stated value 2000). Coupon 4000 (threshold 40000).
# Coupon over weights 30000/10000/5000 (sum 45000): exact shares 2666.67/888.89/444.44 -> floors 2666/888/444 (3998);
#   remainders 30000/40000/20000 (x 1/45000): the 2 leftover fen go to B then A -> A 2667, B 889, C 444.
# Points 1000 (= 1000 fen) over 27333/9111/4556 (sum 41000): 666.66/222.22/111.12 -> 666/222/111 (999);
#   remainders 27000/9000/5000: the 1 leftover goes to A -> A 667, B 222, C 111. The points count splits the same.
# Cash: A 30000-2667-667 = 26666, B 10000-889-222 = 8889, C 5000-444-111 = 4445; total 40000 = payments.
MLINES = [line('A', 'clothing/apparel', 2, 15000), line('B', 'clothing/shoes', 1, 10000), line('C', 'toys', 1, 5000),
          line('G', 'toys', 1, 0, giftOf='A', giftValueFen=2000)]
COUPON = [{'id': 'C400-40', 'kind': 'coupon', 'amountFen': 4000, 'thresholdFen': 40000}]
PAY = [{'method': 'wechat', 'amountFen': 30000}, {'method': 'storedValue', 'amountFen': 10000}]


def morder(**kw):
    lines = copy.deepcopy(kw.pop('lines', MLINES))
    pay = copy.deepcopy(kw.pop('payments', PAY))
    return order(lines, payments=pay, discounts=COUPON, points={'points': 1000, 'valueFen': 1000}, **kw)


CLAW = {'version': 'money-1', 'settings': {'couponBreakage': 'clawBack', 'refundOrder': ['storedValue', 'wechat']},
        'rules': [{'id': 'exchange-15', 'priority': 1, 'then': {'exchange': {'days': 15}}}]}
NOW = '2026-05-05T10:00:00+08:00'
mo.append(ev('return B (no reason): list 10000, coupon 889, points 222, cash 10000-889-222 = 8889; 222 points back', S,
             req(NOW, morder(), [item('B')]),
             {'items': [{'money': {'listFen': 10000, 'linePaidFen': 10000, 'discountFen': 889, 'pointsValueFen': 222, 'points': 222,
                                   'paidFen': 8889, 'refundFen': 8889, 'refundPoints': 222}}],
              'refund': {'totalFen': 8889, 'points': 222, 'couponBreakageFen': 0,
                         'byPayment': [{'method': 'wechat', 'amountFen': 8889}]}}))
mo.append(ev('coupon breakage: returning B leaves 35000 < threshold 40000; the kept lines\' coupon share (A 2667 + C 444 = 3111) '
             'is clawed back: 8889 - 3111 = 5778, to stored value first', CLAW,
             req(NOW, morder(), [item('B')]),
             {'refund': {'totalFen': 5778, 'itemsFen': 8889, 'couponBreakageFen': 3111, 'points': 222,
                         'byPayment': [{'method': 'storedValue', 'amountFen': 5778}]},
              'reasons': codes('COUPON_BREAKAGE', 'REFUND_WITHIN_7_DAYS')}))
mo.append(ev('coupon breakage: returning C only leaves 40000 >= 40000, no clawback: 4445', CLAW,
             req(NOW, morder(), [item('C')]), {'refund': {'totalFen': 4445, 'couponBreakageFen': 0}}))
mo.append(ev('one of two A: cash 26666/2 = 13333; cash+points 27333 -> first unit 13667, so points 334, coupon 15000-13667 = 1333', S,
             req(NOW, morder(), [item('A', 1)]),
             {'items': [{'money': {'listFen': 15000, 'discountFen': 1333, 'pointsValueFen': 334, 'points': 334, 'paidFen': 13333}}],
              'refund': {'totalFen': 13333, 'points': 334, 'giftDeductionFen': 0}}))
mo.append(ev('second A after the first came back earlier: 13333 cash, 333 points (667 - 334), gift not returned: -2000 = 11333', S,
             req(NOW, morder(lines=[dict(MLINES[0], returnedQuantity=1)] + MLINES[1:],
                              payments=[{'method': 'wechat', 'amountFen': 30000, 'refundedFen': 13333}, PAY[1]]), [item('A', 1)]),
             {'items': [{'money': {'paidFen': 13333, 'points': 333, 'pointsValueFen': 333, 'discountFen': 1334}}],
              'refund': {'totalFen': 11333, 'giftDeductionFen': 2000, 'points': 333},
              'reasons': codes('GIFT_NOT_RETURNED', 'REFUND_WITHIN_7_DAYS')}))
mo.append(ev('all of A without its gift: 26666 - 2000 stated gift value = 24666', S,
             req(NOW, morder(), [item('A', 2)]),
             {'refund': {'totalFen': 24666, 'itemsFen': 26666, 'giftDeductionFen': 2000}}))
mo.append(ev('all of A with its gift: 26666, nothing deducted', S,
             req(NOW, morder(), [item('A', 2), item('G', 1)]),
             {'refund': {'totalFen': 26666, 'giftDeductionFen': 0}, 'items': [{'granted': True}, {'granted': True, 'money': {'refundFen': 0}}]}))
mo.append(ev('everything back (no reason): 26666 + 8889 + 4445 + 0 = 40000 and 1000 points; wechat 30000 then stored value 10000', S,
             req(NOW, morder(), [item('A', 2), item('B'), item('C'), item('G')]),
             {'refund': {'totalFen': 40000, 'points': 1000, 'couponBreakageFen': 0,
                         'byPayment': [{'method': 'wechat', 'amountFen': 30000}, {'method': 'storedValue', 'amountFen': 10000}]}}))
mo.append(ev('everything back with clawback: nothing is kept, so no breakage: 40000, stored value first', CLAW,
             req(NOW, morder(), [item('A', 2), item('B'), item('C'), item('G')]),
             {'refund': {'totalFen': 40000, 'couponBreakageFen': 0,
                         'byPayment': [{'method': 'storedValue', 'amountFen': 10000}, {'method': 'wechat', 'amountFen': 30000}]}}))
mo.append(ev('exchange B for a 12000 pair: credit 8889 cash + 222 points = 9111, customer pays 2889', CLAW,
             req(NOW, morder(), [item('B', reason='size', want='exchange', exchangeFor={'sku': 'SHOE-43', 'unitPriceFen': 12000})]),
             {'items': [{'granted': True, 'exchange': {'creditFen': 9111, 'newPriceFen': 12000, 'differenceFen': 2889}}],
              'refund': {'totalFen': 0, 'points': 0}}))
mo.append(ev('line-level promotion: paidFen 25000 for 2 x 15000; one unit back = 12500', S,
             req(NOW, order([line('A', 'clothing/apparel', 2, 15000, paidFen=25000)]), [item('A', 1)]),
             {'items': [{'money': {'listFen': 15000, 'linePaidFen': 12500, 'paidFen': 12500}}], 'refund': {'totalFen': 12500}}))
mo.append(ev('odd fen: 3 units paid 10000 -> units 3334, 3333, 3333; the first unit back gets 3334', S,
             req(NOW, order([line('A', 'clothing/apparel', 3, 4000, paidFen=10000)]), [item('A', 1)]),
             {'refund': {'totalFen': 3334}}))
FEES = {'version': 'money-2', 'rules': [{'id': 'counter-30d', 'priority': 1, 'when': {'channels': ['store']},
                                         'then': {'refund': {'days': 30}, 'refundPercent': 80,
                                                  'restockingFee': {'fixedFen': 500, 'percent': 10}}}]}
mo.append(ev('store-only refund with 80% and a fee of 500 + 10% of 10000 paid: 10000 -> 8000 - 1500 = 6500', FEES,
             req('2026-05-20T10:00:00+08:00', order([line(unit=10000)], channel='store', signed=None)),
             {'items': [{'money': {'paidFen': 10000, 'rateDeductionFen': 2000, 'restockingFeeFen': 1500, 'refundFen': 6500},
                         'reasons': codes('STORE_WINDOW_OPEN', 'PARTIAL_REFUND_RATE', 'RESTOCKING_FEE')}],
              'refund': {'totalFen': 6500}}))
mo.append(ev('a defect is refunded in full even where the store charges fees: 10000', FEES,
             req('2026-05-05T10:00:00+08:00', order([line(unit=10000)], channel='store', signed=None), [item(reason='qualityDefect')]),
             {'refund': {'totalFen': 10000}}))
mo.append(ev('discount limited to some lines: 1000 off A only; returning B refunds its full 10000', S,
             req(NOW, order([line('A', 'clothing/apparel', 1, 20000), line('B', 'clothing/shoes', 1, 10000)],
                            discounts=[{'amountFen': 1000, 'lines': ['A']}], payments=[{'method': 'wechat', 'amountFen': 29000}]), [item('B')]),
             {'refund': {'totalFen': 10000}, 'items': [{'money': {'discountFen': 0}}]}))
write('eligibility-money.json',
      'Refunds to the fen: order discounts, coupons and points apportioned by largest remainder (arithmetic in each name and '
      'in data/eligibility/make_vectors.py), partial returns unit by unit, coupon-threshold breakage, gifts, fees, shipping, '
      'the split back to payments in the policy\'s order, and exchange differences.', mo)

# ---------------------------------------------------------------------------------------------------------------
bad = []


def load_err(name, doc, issues):
    bad.append({'name': name, 'call': 'ReturnPolicy.load', 'args': [doc], 'expect': {'error': issues}})


load_err('equal priority and overlapping selectors (clothing contains clothing/shoes)',
         {'version': '1', 'rules': [{'id': 'a', 'priority': 10, 'when': {'categories': ['clothing']}, 'then': {'refund': {'days': 15}}},
                                    {'id': 'b', 'priority': 10, 'when': {'categories': ['clothing/shoes']}, 'then': {'refund': {'days': 30}}}]},
         [{'code': 'POLICY_PRIORITY_CONFLICT', 'path': 'rules[1].priority'}])
load_err('equal priority and overlapping tags (a line may carry both)',
         {'version': '1', 'rules': [{'id': 'a', 'priority': 5, 'when': {'tags': ['large']}, 'then': {'freePickup': True}},
                                    {'id': 'b', 'priority': 5, 'when': {'tags': ['nearExpiry']}, 'then': {'refundPercent': 80}}]},
         [{'code': 'POLICY_PRIORITY_CONFLICT', 'path': 'rules[1].priority'}])
bad.append({'name': 'equal priority with disjoint channels is fine', 'call': 'ReturnPolicy.load',
            'args': [{'version': '1', 'rules': [{'id': 'a', 'priority': 5, 'when': {'channels': ['online']}, 'then': {'refund': {'days': 15}}},
                                                {'id': 'b', 'priority': 5, 'when': {'channels': ['store']}, 'then': {'refund': {'days': 30}}}]}],
            'expect': {'value': {'version': '1'}}})
load_err('unknown category path', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'when': {'categories': ['clothes']}, 'then': {}}]},
         [{'code': 'POLICY_CATEGORY_UNKNOWN', 'path': 'rules[0].when.categories[0]'}])
load_err('a window of -1 days', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'then': {'refund': {'days': -1}}}]},
         [{'code': 'POLICY_WINDOW_NEGATIVE', 'path': 'rules[0].then.refund.days'}])
load_err('every issue at once', {'version': '1', 'rules': [
    {'id': 'a', 'priority': 1, 'when': {'categories': ['food/fresh', 'foods']}, 'then': {'exchange': {'days': -1}}},
    {'id': 'a', 'priority': 2, 'when': {'price': {'minFen': 500, 'maxFen': 100}}, 'then': {'refundPercent': 120}}]},
         [{'code': 'POLICY_CATEGORY_UNKNOWN', 'path': 'rules[0].when.categories[1]'},
          {'code': 'POLICY_WINDOW_NEGATIVE', 'path': 'rules[0].then.exchange.days'},
          {'code': 'POLICY_RULE_ID_DUPLICATE', 'path': 'rules[1].id'},
          {'code': 'POLICY_RANGE_EMPTY', 'path': 'rules[1].when.price'},
          {'code': 'POLICY_PERCENT_INVALID', 'path': 'rules[1].then.refundPercent'}])
load_err('unknown field in a rule', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'then': {'refundDays': 7}}]},
         [{'code': 'POLICY_INVALID', 'path': 'rules[0].then.refundDays'}])
load_err('unknown unit', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'then': {'refund': {'days': 7, 'unit': 'weeks'}}}]},
         [{'code': 'POLICY_INVALID', 'path': 'rules[0].then.refund.unit'}])
load_err('an invalid date in a selector keeps its own code', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'when': {'purchased': {'from': '2026-02-30'}}, 'then': {}}]},
         [{'code': 'DATE_INVALID', 'path': 'rules[0].when.purchased.from'}])
load_err('an unknown reason in a freight table', {'version': '1', 'rules': [{'id': 'a', 'priority': 1, 'then': {'freight': {'broken': 'merchant'}}}]},
         [{'code': 'POLICY_INVALID', 'path': 'rules[0].then.freight.broken'}])
load_err('malformed JSON text', '{"version": "1", "rules": [', [{'code': 'JSON_SYNTAX', 'path': ''}])
load_err('missing version', {'rules': []}, [{'code': 'POLICY_INVALID', 'path': ''}])


def req_err(name, r, issues):
    bad.append(ev(name, S, r, error=issues))


req_err('amounts that do not add up: lines 39900 but payments 30000', req(NOW, order(payments=[{'method': 'wechat', 'amountFen': 30000}])),
        [{'code': 'REQUEST_AMOUNTS_MISMATCH', 'path': 'order.payments'}])
req_err('a line paid more than its list amount', req(NOW, order([line(paidFen=50000)], payments=[{'method': 'wechat', 'amountFen': 50000}])),
        [{'code': 'REQUEST_LINE_PAID_EXCEEDS', 'path': 'order.lines[0].paidFen'}])
req_err('returned before it was delivered', req(NOW, items=[item(returnedAt='2026-05-02T10:00:00+08:00')]),
        [{'code': 'REQUEST_TIME_ORDER', 'path': 'items[0].returnedAt'}])
req_err('signed for before it was sold', req(NOW, order(signed='2026-04-30T10:00:00+08:00')),
        [{'code': 'REQUEST_TIME_ORDER', 'path': 'order.signedAt'}])
req_err('now before the sale', req('2026-04-30T10:00:00+08:00', order(signed=None)),
        [{'code': 'REQUEST_TIME_ORDER', 'path': 'now'}])
req_err('quantity above what was bought', req(NOW, items=[item(qty=2)]),
        [{'code': 'REQUEST_QUANTITY_EXCEEDS', 'path': 'items[0].quantity'}])
req_err('quantity above what is left after earlier returns', req(NOW, order([line(qty=2, returnedQuantity=1)], payments=[{'method': 'wechat', 'amountFen': 79800}]), [item(qty=2)]),
        [{'code': 'REQUEST_QUANTITY_EXCEEDS', 'path': 'items[0].quantity'}])
req_err('a line id not in the order', req(NOW, items=[item('L9')]), [{'code': 'REQUEST_LINE_UNKNOWN', 'path': 'items[0].lineId'}])
req_err('an unknown category path on a line', req(NOW, order([line(category='shoes')])),
        [{'code': 'REQUEST_CATEGORY_UNKNOWN', 'path': 'order.lines[0].category'}])
req_err('several problems reported together', req(NOW, order([line(category='shoes')]), [item('L9'), item(qty=5)]),
        [{'code': 'REQUEST_CATEGORY_UNKNOWN', 'path': 'order.lines[0].category'},
         {'code': 'REQUEST_LINE_UNKNOWN', 'path': 'items[0].lineId'},
         {'code': 'REQUEST_QUANTITY_EXCEEDS', 'path': 'items[1].quantity'}])
req_err('a time without an offset', req('2026-05-05 10:00:00'), [{'code': 'TIMESTAMP_OFFSET_MISSING', 'path': 'now'}])
req_err('an unknown reason', req(NOW, items=[item(reason='broken')]), [{'code': 'REQUEST_INVALID', 'path': 'items[0].reason'}])
req_err('a negative price', req(NOW, order([line(unit=-100)], payments=[])), [{'code': 'REQUEST_AMOUNT_INVALID', 'path': 'order.lines[0].unitPriceFen'}])
req_err('a discount larger than its lines', req(NOW, order(discounts=[{'amountFen': 50000}], payments=[{'method': 'wechat', 'amountFen': 0}])),
        [{'code': 'REQUEST_DISCOUNT_EXCEEDS', 'path': 'order.discounts[0].amountFen'}])
req_err('a coupon whose threshold was never met', req(NOW, order(discounts=[{'kind': 'coupon', 'amountFen': 1000, 'thresholdFen': 50000}],
                                                                  payments=[{'method': 'wechat', 'amountFen': 38900}])),
        [{'code': 'REQUEST_THRESHOLD_NOT_MET', 'path': 'order.discounts[0].thresholdFen'}])
req_err('a discount naming a line not in the order', req(NOW, order(discounts=[{'amountFen': 100, 'lines': ['L9']}],
                                                                      payments=[{'method': 'wechat', 'amountFen': 39800}])),
        [{'code': 'REQUEST_LINE_UNKNOWN', 'path': 'order.discounts[0].lines[0]'}])
req_err('no items', req(NOW, items=[]) | {'items': []}, [{'code': 'REQUEST_ITEMS_EMPTY', 'path': 'items'}])
req_err('refunds already taken leave too little on the payments', req(NOW, order(payments=[{'method': 'wechat', 'amountFen': 39900, 'refundedFen': 39000}])),
        [{'code': 'REQUEST_REFUND_EXCEEDS_PAYMENTS', 'path': 'order.payments'}])
bad.append({'name': 'evaluateMany: one good request and one bad, each answered on its own', 'call': 'ReturnPolicy.evaluateMany',
            'args': [S, [req(NOW), req(NOW, items=[item('L9')])]],
            'expect': {'value': [{'ok': True, 'value': {'status': 'approved'}},
                                 {'ok': False, 'issues': [{'code': 'REQUEST_LINE_UNKNOWN', 'path': 'items[0].lineId'}]}]}})
bad.append({'name': 'messages follow the locale', 'call': 'ReturnPolicy.evaluate', 'locale': 'en',
            'args': [S, req(NOW, items=[item('L9')])],
            'expect': {'error': [{'code': 'REQUEST_LINE_UNKNOWN', 'message': 'line "L9" is not in the order'}]}})
write('eligibility-bad-input.json',
      'Bad policies and requests: each is a precise issue with a path (every issue at once), never a guess, never a trap.', bad)
print('ok')
