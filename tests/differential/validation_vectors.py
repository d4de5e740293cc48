#!/usr/bin/env python3
"""Writes tests/vectors/validation-*.json.

Expected values come from the standards and from independent tools, never from mallcare's output:
check characters are computed with python-stdnum (`cn.ric`, `cn.uscc`, `ean`), carriers are those python
`phonenumbers` reports, GS1 price check digits are the GS1 General Specifications worked examples, and form
verdicts follow the descriptor rules by hand (reasoned in the case names).

Run: python3 tests/differential/validation_vectors.py
"""
import json
import os

import phonenumbers
from phonenumbers import carrier as pn_carrier
from stdnum import ean
from stdnum.cn import ric, uscc

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'vectors')
CARRIERS = {'China Mobile': 'chinaMobile', 'China Unicom': 'chinaUnicom', 'China Telecom': 'chinaTelecom',
            'China Broadnet': 'broadnet', '': None}
USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'


def idn(first17):
    """An 18-digit ID number with python-stdnum's check character."""
    return first17 + ric.calc_check_digit(first17 + '0')


def uscc_with_check(first17):
    return first17 + uscc.calc_check_digit(first17 + '0')


def org_check(body):
    """GB 11714-1997 check character (written from the standard; cross-checked against its example D2143569-X)."""
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * k for c, k in zip(body, w))
    c = 11 - s % 11
    return 'X' if c == 10 else '0' if c == 11 else str(c)


assert org_check('D2143569') == 'X'


def gtin(body):
    return body + ean.calc_check_digit(body)


def carrier_of(national):
    n = phonenumbers.parse('+86' + national)
    assert phonenumbers.is_valid_number(n), national
    return CARRIERS[pn_carrier.name_for_number(n, 'en')]


def ok(value):
    return {'value': {'ok': True, 'value': value}}


def bad(*issues):
    return {'value': {'ok': False, 'issues': [dict(zip(('code', 'path'), i)) if isinstance(i, tuple) else {'code': i}
                                              for i in issues]}}


def case(name, call, args, expect, **extra):
    c = {'name': name, 'call': call, 'args': args, 'expect': expect}
    c.update(extra)
    return c


TODAY = {'today': '2026-05-01'}
fields = []

# ---------------------------------------------------------------- mobile
for text, national in [('13800138000', '13800138000'), ('+86 186-1234-5678', '18612345678'),
                       ('008618912345678', '18912345678'), ('8619212345678', '19212345678'),
                       ('１３９１２３４５６７８', '13912345678'), ('  (+86) 158 0000 1111 ', '15800001111')]:
    fields.append(case(f'mobile {text!r} → {national}, carrier as phonenumbers says', 'validateMobile', [text],
                       ok({'e164': '+86' + national, 'national': national, 'carrier': carrier_of(national),
                           'kind': 'mobile'})))
fields += [
    case('virtual operator 1700 is hosted by China Telecom', 'validateMobile', ['17001234567'],
         ok({'kind': 'virtual', 'carrier': carrier_of('17001234567'), 'segment': '1700'})),
    case('virtual operator 1705 is hosted by China Mobile', 'validateMobile', ['17051234567'],
         ok({'kind': 'virtual', 'carrier': carrier_of('17051234567'), 'segment': '1705'})),
    case('1349 is the satellite segment, no carrier', 'validateMobile', ['13491234567'],
         ok({'kind': 'satellite', 'carrier': None, 'carrierName': None})),
    case('147 is a data-only segment: rejected by default', 'validateMobile', ['14712345678'], bad('MOBILE_DATA_ONLY')),
    case('147 accepted with allowDataOnly', 'validateMobile', ['14712345678', {'allowDataOnly': True}],
         ok({'kind': 'dataOnly', 'carrier': 'chinaMobile'})),
    case('148 is an IoT segment: rejected by default', 'validateMobile', ['14812345678'], bad('MOBILE_IOT')),
    case('146 IoT accepted with allowIot', 'validateMobile', ['14612345678', {'allowIot': True}],
         ok({'kind': 'iot', 'carrier': 'chinaUnicom'})),
    case('154 is not allocated', 'validateMobile', ['15412345678'], bad(('MOBILE_SEGMENT_UNKNOWN', ''))),
    case('12x is no mobile segment', 'validateMobile', ['12345678901'], bad('MOBILE_SEGMENT_UNKNOWN')),
    case('ten digits', 'validateMobile', ['1380013800'], bad('MOBILE_LENGTH')),
    case('twelve digits', 'validateMobile', ['138001380001'], bad('MOBILE_LENGTH')),
    case('Hong Kong country code', 'validateMobile', ['+852 6123 4567'], bad('MOBILE_COUNTRY_CODE')),
    case('Han digits are not digits', 'validateMobile', ['138一二三四五六七八'], bad('MOBILE_INVALID_CHAR')),
    case('letters O for zeros', 'validateMobile', ['138OO138000'], bad('MOBILE_INVALID_CHAR')),
    case('a number, not a string', 'validateMobile', [13800138000], bad(('INPUT_NOT_STRING', ''))),
    case('null', 'validateMobile', [None], bad('INPUT_NOT_STRING')),
    case('only spaces', 'validateMobile', ['   '], bad('MOBILE_EMPTY')),
    case('ideographic spaces only', 'validateMobile', ['\u3000\u3000'], bad('MOBILE_EMPTY')),
    case('over 256 characters', 'validateMobile', ['1' * 300], bad('MOBILE_TOO_LONG')),
    case('English message on request', 'validateMobile', ['1380013800', {'locale': 'en'}],
         {'value': {'ok': False, 'issues': [{'code': 'MOBILE_LENGTH', 'message': 'a mobile number has 11 digits, got 10'}]}}),
    case('Chinese message by default', 'validateMobile', ['1380013800'],
         {'value': {'ok': False, 'issues': [{'code': 'MOBILE_LENGTH', 'message': '手机号应为 11 位数字，实际为 10 位'}]}}),
]

# ---------------------------------------------------------------- ID card
gb = '11010519491231002X'  # GB 11643-1999 example
assert ric.is_valid(gb)
fields += [
    case('GB 11643 example, age at today', 'validateIdCard', [gb, TODAY],
         ok({'number': gb, 'kind': 'resident', 'regionCode': '110105', 'province': '北京市', 'birthDate': '1949-12-31',
             'sex': 'female', 'age': 76, 'upgradedFrom': None})),
    case('without today there is no age', 'validateIdCard', [gb], ok({'age': None, 'birthDate': '1949-12-31'})),
    case('lower-case x, spaces and full width', 'validateIdCard', [' １１０１０５ 19491231 002x '], ok({'number': gb})),
    case('15-digit legacy number upgraded (19 inserted, check computed)', 'validateIdCard', ['110105491231002'],
         ok({'number': '11010519' + '491231002' + ric.calc_check_digit('11010519491231002' + '0'),
             'upgradedFrom': '110105491231002', 'sex': 'female'})),
    case('wrong check character', 'validateIdCard', ['110105194912310021'], bad(('ID_CARD_CHECKSUM', ''))),
    case('29 February of a common year', 'validateIdCard', [idn('11010519990229001')], bad('ID_CARD_BIRTH_DATE_INVALID')),
    case('29 February of a leap year is fine', 'validateIdCard', [idn('11010520000229001'), TODAY],
         ok({'birthDate': '2000-02-29', 'sex': 'male', 'age': 26})),
    case('born after today', 'validateIdCard', [idn('11010520300101001'), TODAY], bad('ID_CARD_BIRTH_DATE_FUTURE')),
    case('born today: age 0', 'validateIdCard', [idn('11010520260501002'), TODAY], ok({'age': 0, 'sex': 'female'})),
    case('the day before the 26th birthday', 'validateIdCard', [idn('44030520000502003'), TODAY],
         ok({'age': 25, 'province': '广东省', 'provinceEn': 'Guangdong'})),
    case('no province 99', 'validateIdCard', [idn('99010519900101001')], bad('ID_CARD_REGION_UNKNOWN')),
    case('no county 110199', 'validateIdCard', [idn('11019919900101001')], bad('ID_CARD_REGION_UNKNOWN')),
    case('abolished county 110103 (崇文区, merged 2010) still valid', 'validateIdCard', [idn('11010319800101001')],
         ok({'regionCode': '110103'})),
    case('every problem at once', 'validateIdCard', ['990105194913310021'],
         bad('ID_CARD_REGION_UNKNOWN', 'ID_CARD_BIRTH_DATE_INVALID', 'ID_CARD_CHECKSUM')),
    case('Hong Kong residence permit', 'validateIdCard', [idn('81000019940823002')],
         ok({'kind': 'hongKongPermit', 'province': '香港特别行政区'})),
    case('Macao residence permit', 'validateIdCard', [idn('82000019940823003')], ok({'kind': 'macaoPermit'})),
    case('Taiwan residence permit', 'validateIdCard', [idn('83000019940823004')],
         ok({'kind': 'taiwanPermit', 'province': '台湾省'})),
    case('17 characters', 'validateIdCard', ['11010519491231002'], bad('ID_CARD_FORMAT')),
    case('X not at the end', 'validateIdCard', ['1101051949123100X2'], bad('ID_CARD_FORMAT')),
    case('letters', 'validateIdCard', ['11010519491231ABCD'], bad('ID_CARD_FORMAT')),
    case('not a string', 'validateIdCard', [110105194912310020], bad('INPUT_NOT_STRING')),
    case('bad today option', 'validateIdCard', [gb, {'today': '2026-02-30'}], bad(('DATE_INVALID', 'options.today'))),
    case('today of the wrong type', 'validateIdCard', [gb, {'today': 20260501}], bad(('OPTIONS_INVALID', 'options.today'))),
    case('allowIot of the wrong type', 'validateMobile', ['14612345678', {'allowIot': 'yes'}],
         bad(('OPTIONS_INVALID', 'options.allowIot'))),
    case('layout of the wrong type', 'validateGtin', ['6901234567892', {'layout': 5}],
         bad(('OPTIONS_INVALID', 'options.layout'))),
]

# ---------------------------------------------------------------- USCC
ex = '91110000600037341L'  # python-stdnum's example
assert uscc.is_valid(ex)
org_bad = uscc_with_check('91110000600037342')  # final check right, embedded organisation code check wrong
assert uscc.is_valid(org_bad) and org_check('60003734') != '2'
n_code = uscc_with_check('N2440300' + 'MA5F0001' + org_check('MA5F0001'))
type_bad = uscc_with_check('95110000600037341')
region_bad = uscc_with_check('91990000600037341')
fields += [
    case('python-stdnum example decoded', 'validateUscc', [ex],
         ok({'code': ex, 'authorityCode': '9', 'authority': '工商', 'organisationTypeCode': '1', 'organisationType': '企业',
             'regionCode': '110000', 'province': '北京市', 'organisationCode': '60003734-1', 'check': 'L'})),
    case('spaces, dashes and lower case', 'validateUscc', ['9111-0000-6000-3734-1l'], ok({'code': ex})),
    case('real-world code with a letter in the organisation code', 'validateUscc', ['91350100M000100Y43'],
         ok({'organisationCode': 'M000100Y-4', 'province': '福建省'})),
    case('wrong final check character', 'validateUscc', ['91110000600037341M'], bad(('USCC_CHECKSUM', ''))),
    case('STRICTER than python-stdnum: embedded GB 11714 check wrong (stdnum accepts)', 'validateUscc', [org_bad],
         bad('USCC_ORGANISATION_CODE_CHECKSUM')),
    case('agricultural collective (authority N) accepted (stdnum rejects letters in 1-8)', 'validateUscc', [n_code],
         ok({'authority': '农业', 'organisationType': '村级集体经济组织', 'province': '广东省'})),
    case('market regulation has no organisation type 5', 'validateUscc', [type_bad], bad('USCC_TYPE_UNKNOWN')),
    case('no province 99', 'validateUscc', [region_bad], bad('USCC_REGION_INVALID')),
    case('letter O is not in the alphabet', 'validateUscc', ['91110000600037341O'], bad('USCC_FORMAT')),
    case('17 characters', 'validateUscc', ['91110000600037341'], bad('USCC_FORMAT')),
    case('empty', 'validateUscc', [''], bad('USCC_EMPTY')),
]
assert not uscc.is_valid(n_code)  # documented difference: stdnum requires digits in positions 1-8

# ---------------------------------------------------------------- GTIN
c13 = gtin('690123456789')
store = gtin('221234501234')
weight = gtin('281234500750')
pc4 = gtin('211234592875')  # V = 9 for price 2875 (GS1 example)
pc4_bad = gtin('211234512875')
pc5 = gtin('201234614685')  # V = 6 for price 14685 (GS1 example)
fields += [
    case('GTIN-13 from GS1 China prefix', 'validateGtin', [c13],
         ok({'code': c13, 'format': 'GTIN-13', 'gtin14': '0' + c13, 'inStore': False, 'variableMeasure': None})),
    case('EAN-8', 'validateGtin', ['96385074'], ok({'format': 'GTIN-8', 'gtin14': '00000096385074'})),
    case('UPC-A', 'validateGtin', ['036000291452'], ok({'format': 'GTIN-12', 'gtin14': '00036000291452'})),
    case('GTIN-14', 'validateGtin', [gtin('1069012345678')], ok({'format': 'GTIN-14'})),
    case('full width and dashes', 'validateGtin', ['６９０-１２３４-５６７８９' + c13[-1]], ok({'code': c13})),
    case('wrong check digit', 'validateGtin', [c13[:-1] + str((int(c13[-1]) + 1) % 10)], bad('GTIN_CHECKSUM')),
    case('11 digits', 'validateGtin', ['69012345678'], bad('GTIN_FORMAT')),
    case('letters', 'validateGtin', ['69012345678AB'], bad('GTIN_FORMAT')),
    case('in-store code, default layout 2XIIIIIPPPPPC: item 12345, ¥12.34', 'validateGtin', [store],
         ok({'inStore': True, 'variableMeasure': {'item': '12345', 'priceFen': 1234, 'weightGrams': None}})),
    case('in-store weight layout: 750 g', 'validateGtin', [weight, {'layout': '28IIIIIWWWWWC'}],
         ok({'variableMeasure': {'item': '12345', 'weightGrams': 750, 'priceFen': None}})),
    case('layout literal digits must match, else not decoded', 'validateGtin', [store, {'layout': '28IIIIIWWWWWC'}],
         ok({'inStore': True, 'variableMeasure': None})),
    case('4-digit price with GS1 price check digit (2875 → 9)', 'validateGtin', [pc4, {'layout': '2XIIIIIVPPPPC'}],
         ok({'variableMeasure': {'item': '12345', 'priceFen': 2875}})),
    case('wrong price check digit', 'validateGtin', [pc4_bad, {'layout': '2XIIIIIVPPPPC'}], bad('GTIN_PRICE_CHECKSUM')),
    case('5-digit price with GS1 price check digit (14685 → 6)', 'validateGtin', [pc5, {'layout': '2XIIIIVPPPPPC'}],
         ok({'variableMeasure': {'item': '1234', 'priceFen': 14685}})),
    case('layout of 12 characters is rejected', 'validateGtin', [store, {'layout': '2IIIIIPPPPPC'}],
         bad('GTIN_LAYOUT_INVALID')),
]

# ---------------------------------------------------------------- email, name, postal code
fields += [
    case('email: domain lower-cased, local part kept', 'validateEmail', [' Li.Lei@Example.COM '],
         ok({'address': 'Li.Lei@example.com', 'local': 'Li.Lei', 'domain': 'example.com'})),
    case('email: full-width ＠ and ．', 'validateEmail', ['ｓｅｒｖｉｃｅ＠ｍａｌｌ．ｃｎ'], ok({'address': 'service@mall.cn'})),
    case('email: plus tag', 'validateEmail', ['a+b@mail.example.com.cn'], ok({'domain': 'mail.example.com.cn'})),
    case('email: double dot', 'validateEmail', ['a..b@x.cn'], bad('EMAIL_INVALID')),
    case('email: no @', 'validateEmail', ['service.mall.cn'], bad('EMAIL_INVALID')),
    case('email: single-label domain', 'validateEmail', ['root@localhost'], bad('EMAIL_INVALID')),
    case('email: hyphen at label end', 'validateEmail', ['a@b-.cn'], bad('EMAIL_INVALID')),
    case('email: numeric top-level domain', 'validateEmail', ['a@b.123'], bad('EMAIL_INVALID')),
    case('name: Han', 'validateName', ['张三'], ok({'name': '张三', 'script': 'han', 'length': 2})),
    case('name: spaces between Han characters removed', 'validateName', [' 欧阳 修 '], ok({'name': '欧阳修'})),
    case('name: bullet becomes middle dot', 'validateName', ['买买提•艾力'], ok({'name': '买买提·艾力', 'length': 6})),
    case('name: Latin, spaces collapsed', 'validateName', ['Zhang   Wei'], ok({'name': 'Zhang Wei', 'script': 'latin'})),
    case('name: accented Latin', 'validateName', ['José Álvarez'], ok({'script': 'latin'})),
    case('name: mixed scripts', 'validateName', ['张San'], bad('NAME_MIXED_SCRIPT')),
    case('name: digit', 'validateName', ['张3'], bad('NAME_INVALID_CHAR')),
    case('name: emoji', 'validateName', ['张三😀'], bad('NAME_INVALID_CHAR')),
    case('name: leading dot', 'validateName', ['·张三'], bad('NAME_DOT_POSITION')),
    case('name: one character', 'validateName', ['张'], bad('NAME_LENGTH')),
    case('postal code: Beijing', 'validatePostalCode', ['100001'], ok({'code': '100001', 'province': '北京市'})),
    case('postal code: Shenzhen', 'validatePostalCode', ['518000'], ok({'province': '广东省', 'provinceEn': 'Guangdong'})),
    case('postal code: Urumqi', 'validatePostalCode', ['830000'], ok({'province': '新疆维吾尔自治区'})),
    case('postal code: full width', 'validatePostalCode', ['２００００１'], ok({'code': '200001', 'province': '上海市'})),
    case('postal code: five digits', 'validatePostalCode', ['10001'], bad('POSTAL_CODE_FORMAT')),
    case('postal code: zone 99', 'validatePostalCode', ['990000'], bad('POSTAL_CODE_ZONE_UNKNOWN')),
    case('postal code: zone 08', 'validatePostalCode', ['080000'], bad('POSTAL_CODE_ZONE_UNKNOWN')),
]

# ---------------------------------------------------------------- invoice title
fields += [
    case('personal title', 'validateInvoiceTitle', [{'kind': 'personal', 'name': '个人'}],
         ok({'kind': 'personal', 'name': '个人', 'taxId': None, 'invoiceType': 'normal'})),
    case('company title with USCC', 'validateInvoiceTitle',
         [{'kind': 'company', 'name': ' 某某商贸有限公司 ', 'taxId': '9111 0000 6000 3734 1l'}],
         ok({'kind': 'company', 'name': '某某商贸有限公司', 'taxId': ex, 'uscc': {'authority': '工商'}})),
    case('company title without tax id', 'validateInvoiceTitle', [{'kind': 'company', 'name': '某某商贸有限公司'}],
         bad(('INVOICE_FIELD_REQUIRED', 'taxId'))),
    case('company title with a bad USCC', 'validateInvoiceTitle',
         [{'kind': 'company', 'name': '某某商贸有限公司', 'taxId': '91110000600037341M'}], bad(('USCC_CHECKSUM', 'taxId'))),
    case('special invoice needs address, phone, bank, account', 'validateInvoiceTitle',
         [{'kind': 'company', 'name': '某某商贸有限公司', 'taxId': ex, 'invoiceType': 'special'}],
         bad(('INVOICE_FIELD_REQUIRED', 'address'), ('INVOICE_FIELD_REQUIRED', 'phone'),
             ('INVOICE_FIELD_REQUIRED', 'bank'), ('INVOICE_FIELD_REQUIRED', 'account'))),
    case('complete special invoice', 'validateInvoiceTitle',
         [{'kind': 'company', 'name': '某某商贸有限公司', 'taxId': ex, 'invoiceType': 'special', 'address': '北京市东城区某路1号',
           'phone': '010-12345678', 'bank': '某银行北京分行', 'account': '1100 2233 4455 6677'}],
         ok({'invoiceType': 'special', 'account': '1100223344556677'})),
    case('a person cannot get a special invoice nor give a tax id', 'validateInvoiceTitle',
         [{'kind': 'personal', 'name': '张三', 'taxId': ex, 'invoiceType': 'special'}],
         bad(('INVOICE_TAX_ID_NOT_ALLOWED', 'taxId'), ('INVOICE_SPECIAL_NOT_ALLOWED', 'invoiceType'))),
    case('kind missing', 'validateInvoiceTitle', [{'name': '张三'}], bad(('INVOICE_KIND_REQUIRED', 'kind'))),
    case('unknown field', 'validateInvoiceTitle', [{'kind': 'personal', 'name': '张三', 'fax': '1'}],
         bad(('INVOICE_TITLE_INVALID', 'fax'))),
    case('not an object', 'validateInvoiceTitle', ['张三'], bad('INPUT_NOT_OBJECT')),
    case('an array is not an invoice title either', 'validateInvoiceTitle', [['company', '某某商贸有限公司']],
         bad(('INPUT_NOT_OBJECT', ''))),
    case('a null optional field is absent; a number is not a name', 'validateInvoiceTitle',
         [{'kind': 'personal', 'name': 12, 'taxId': None}], bad(('INVOICE_TITLE_INVALID', 'name'))),
]

# ---------------------------------------------------------------- forms
RA = 'returnApplication'
good_return = {
    'orderNo': 'SO-20260428-0001', 'purchaseDate': '2026-04-28', 'requestDate': '2026-05-01', 'contactName': '李雷',
    'mobile': '+86 138 0013 8000', 'kind': 'return',
    'items': [{'gtin': c13, 'quantity': 1, 'paidAmount': '¥199.00', 'reason': 'quality'},
              {'gtin': store, 'quantity': 2, 'paidAmount': 12.34, 'reason': 'other', 'note': '包装破损'}],
}
bad_return = {
    'orderNo': 'SO 1', 'purchaseDate': '2026-05-02', 'requestDate': '2026-05-01', 'contactName': 'Li雷',
    'mobile': '1380013800', 'kind': 'refund',
    'items': [{'gtin': c13[:-1] + str((int(c13[-1]) + 1) % 10), 'quantity': 0, 'paidAmount': '12.345', 'reason': 'quality'},
              {'gtin': c13, 'quantity': 1.5, 'paidAmount': '1', 'reason': 'late'}],
}
# the four plain-descriptor features in one
plain = {
    'user': {'type': 'string', 'required': True, 'min': 2, 'max': 8},
    'age': {'type': 'integer', 'min': 18, 'max': 120},
    'code': {'type': 'string', 'len': 6},
    'tag': {'type': 'enum', 'enum': ['a', 'b']},
    'site': {'type': 'url'},
    'color': {'type': 'hex'},
    'nick': {'type': 'string', 'required': True, 'whitespace': True},
    'list': {'type': 'array', 'required': True, 'min': 1},
    'ratio': {'type': 'float'},
}
deep = {'type': 'object'}
for _ in range(17):
    deep = {'type': 'object', 'fields': {'x': deep}}
forms = [
    case('return application: good value normalised (mobile, amounts in fen, order kept)', 'validateForm',
         [RA, good_return, TODAY],
         ok({'mobile': '13800138000', 'orderNo': 'SO-20260428-0001',
             'items': [{'gtin': c13, 'paidAmount': 19900, 'quantity': 1}, {'paidAmount': 1234, 'note': '包装破损'}]})),
    case('return application: every problem at once, with paths (field-name order)', 'validateForm',
         [RA, bad_return, TODAY],
         bad(('NAME_MIXED_SCRIPT', 'contactName'), ('GTIN_CHECKSUM', 'items[0].gtin'),
             ('AMOUNT_TOO_PRECISE', 'items[0].paidAmount'), ('FORM_RANGE', 'items[0].quantity'),
             ('FORM_TYPE', 'items[1].quantity'), ('FORM_ENUM', 'items[1].reason'),
             ('FORM_ENUM', 'kind'), ('MOBILE_LENGTH', 'mobile'),
             ('FORM_PATTERN', 'orderNo'), ('FORM_DATE_ORDER', 'requestDate'))),
    case('return application: missing everything', 'validateForm', [RA, {}],
         bad(('FORM_REQUIRED', 'contactName'), ('FORM_REQUIRED', 'items'), ('FORM_REQUIRED', 'kind'),
             ('FORM_REQUIRED', 'mobile'), ('FORM_REQUIRED', 'orderNo'), ('FORM_REQUIRED', 'purchaseDate'),
             ('FORM_REQUIRED', 'requestDate'))),
    case('return application: custom messages in English', 'validateForm',
         [RA, dict(good_return, orderNo='#1', purchaseDate='2026-05-02'), {'locale': 'en'}],
         {'value': {'ok': False, 'issues': [
             {'code': 'FORM_PATTERN', 'path': 'orderNo', 'message': 'an order number has 6-32 letters, digits or dashes'},
             {'code': 'FORM_DATE_ORDER', 'path': 'requestDate',
              'message': 'the request date cannot be before the purchase date'}]}}),
    case('return application: an empty item list', 'validateForm', [RA, dict(good_return, items=[])],
         bad(('FORM_REQUIRED', 'items'))),
    case('return application: a JS Date (UTC timestamp) is read as the China date', 'validateForm',
         [RA, dict(good_return, requestDate='2026-04-30T17:00:00.000Z')], ok({'requestDate': '2026-05-01'})),
    case('member sign-up: neither mobile nor e-mail', 'validateForm',
         ['memberSignUp', {'name': '韩梅梅', 'password': 'abc12345', 'agreeTerms': True}],
         {'value': {'ok': False, 'issues': [{'code': 'FORM_ONE_OF_REQUIRED', 'path': 'mobile',
                                             'message': '手机号和邮箱至少填写一项'}]}}),
    case('member sign-up: terms not accepted, weak password, ID born after today', 'validateForm',
         ['memberSignUp', {'name': '韩梅梅', 'email': 'hmm@example.cn', 'password': 'abcdefgh', 'agreeTerms': False,
                           'idCard': idn('11010520300101001')}, TODAY],
         bad(('FORM_ENUM', 'agreeTerms'), ('ID_CARD_BIRTH_DATE_FUTURE', 'idCard'), ('FORM_PATTERN', 'password'))),
    case('member sign-up: good', 'validateForm',
         ['memberSignUp', {'name': '韩梅梅', 'mobile': '13912345678', 'password': 'abc12345', 'agreeTerms': True,
                           'idCard': gb.lower(), 'postalCode': '１００００１'}, TODAY],
         ok({'idCard': gb, 'postalCode': '100001', 'mobile': '13912345678'})),
    case('invoice request: company title needs the tax id', 'validateForm',
         ['invoiceRequest', {'orderNo': 'SO-000001', 'titleType': 'company', 'title': '某某商贸有限公司',
                             'email': 'fin@example.cn', 'amount': '100'}],
         bad(('FORM_REQUIRED', 'taxId'))),
    case('invoice request: special invoice needs the registration details', 'validateForm',
         ['invoiceRequest', {'orderNo': 'SO-000001', 'titleType': 'company', 'title': '某某商贸有限公司', 'taxId': ex,
                             'invoiceType': 'special', 'email': 'fin@example.cn', 'amount': '100'}],
         bad(('FORM_REQUIRED', 'address'), ('FORM_REQUIRED', 'phone'), ('FORM_REQUIRED', 'bank'),
             ('FORM_REQUIRED', 'account'))),
    case('invoice request: zero amount', 'validateForm',
         ['invoiceRequest', {'orderNo': 'SO-000001', 'titleType': 'personal', 'title': '个人',
                             'email': 'me@example.cn', 'amount': '0'}],
         bad(('FORM_MIN', 'amount'))),
    case('delivery address: blank street, bad postal code', 'validateForm',
         ['deliveryAddress', {'receiver': '李雷', 'mobile': '13800138000', 'province': '广东省', 'city': '深圳市',
                              'district': '南山区', 'detail': '     ', 'postalCode': '999999'}],
         bad(('FORM_WHITESPACE', 'detail'), ('POSTAL_CODE_ZONE_UNKNOWN', 'postalCode'))),
    case('delivery address: good', 'validateForm',
         ['deliveryAddress', {'receiver': '李雷', 'mobile': '138-0013-8000', 'province': '广东省', 'city': '深圳市',
                              'district': '南山区', 'detail': '科技园南区 1 栋 101', 'isDefault': True}],
         ok({'mobile': '13800138000', 'isDefault': True})),
    case('plain descriptor: valid value', 'validateForm',
         [plain, {'user': 'lilei', 'age': 30, 'code': 'ABC123', 'tag': 'a', 'site': 'https://mall.example.cn/x',
                  'color': '#fff', 'nick': 'L', 'list': [1], 'ratio': 0.5}], ok({'user': 'lilei'})),
    case('plain descriptor: one problem per field', 'validateForm',
         [plain, {'user': 'l', 'age': 17.5, 'code': 'ABC12', 'tag': 'c', 'site': 'mall', 'color': '#ffff',
                  'nick': '  ', 'list': [], 'ratio': 1}],
         bad(('FORM_TYPE', 'age'), ('FORM_LEN', 'code'), ('FORM_TYPE', 'color'), ('FORM_REQUIRED', 'list'),
             ('FORM_WHITESPACE', 'nick'), ('FORM_TYPE', 'ratio'), ('FORM_TYPE', 'site'), ('FORM_ENUM', 'tag'),
             ('FORM_RANGE', 'user'))),
    case('plain descriptor: optional empty fields are skipped', 'validateForm',
         [plain, {'user': 'lilei', 'nick': 'x', 'list': [0], 'code': '', 'tag': None}], ok({'user': 'lilei'})),
    case('string length counts characters, not bytes', 'validateForm',
         [{'n': {'type': 'string', 'max': 2}}, {'n': '张三'}], ok({'n': '张三'})),
    case('type mismatch', 'validateForm', [{'n': {'type': 'number'}}, {'n': '12'}], bad(('FORM_TYPE', 'n'))),
    case('rule list: every rule runs', 'validateForm',
         [{'p': [{'type': 'string', 'min': 8}, {'pattern': '\\d'}]}, {'p': 'abc'}],
         bad(('FORM_MIN', 'p'), ('FORM_PATTERN', 'p'))),
    case('custom message replaces the rule\'s issues', 'validateForm',
         [{'p': {'type': 'string', 'min': 8, 'pattern': '\\d', 'message': '密码太弱'}}, {'p': 'abc'}],
         {'value': {'ok': False, 'issues': [{'code': 'FORM_MIN', 'path': 'p', 'message': '密码太弱'}]}}),
    case('pattern is unanchored like RegExp.test', 'validateForm', [{'p': {'pattern': '[0-9]'}}, {'p': 'abc1'}],
         ok({'p': 'abc1'})),
    case('nested fields and defaultField on arrays', 'validateForm',
         [{'addr': {'type': 'object', 'fields': {'zip': {'type': 'postalCode', 'required': True}}},
           'tags': {'type': 'array', 'defaultField': {'type': 'string', 'max': 3}}},
          {'addr': {}, 'tags': ['ok', 'toolong']}],
         bad(('FORM_REQUIRED', 'addr.zip'), ('FORM_MAX', 'tags[1]'))),
    case('fields by index override defaultField', 'validateForm',
         [{'pair': {'type': 'array', 'fields': {'0': {'type': 'number'}}, 'defaultField': {'type': 'string'}}},
          {'pair': [1, 'a', 2]}],
         bad(('FORM_TYPE', 'pair[2]'))),
    case('defaultField on objects', 'validateForm',
         [{'prices': {'type': 'object', 'defaultField': {'type': 'amount'}}}, {'prices': {'a': '1.5', 'b': 'x'}}],
         bad(('AMOUNT_INVALID', 'prices.b'))),
    case('trigger (Element/Ant Design) is accepted and ignored', 'validateForm',
         [{'m': {'type': 'mobile', 'required': True, 'trigger': 'blur'}}, {'m': '13800138000'}], ok({'m': '13800138000'})),
    case('value is not an object', 'validateForm', [{'a': {'type': 'string'}}, [1, 2]], bad('FORM_VALUE_NOT_OBJECT')),
    case('unknown type in the descriptor', 'validateForm', [{'a': {'type': 'phone'}}, {}],
         bad(('FORM_TYPE_UNKNOWN', 'a.type'))),
    case('misspelt key', 'validateForm', [{'a': {'requried': True}}, {}], bad(('FORM_RULE_UNKNOWN_KEY', 'a.requried'))),
    case('functions cannot be in JSON', 'validateForm', [{'a': {'validator': 'x => true'}}, {}],
         bad(('FORM_RULE_UNSUPPORTED', 'a.validator'))),
    case('lookahead is not supported', 'validateForm', [{'a': [{'type': 'string'}, {'pattern': '^(?=.*\\d)'}]}, {}],
         bad(('FORM_PATTERN_UNSUPPORTED', 'a[1].pattern'))),
    case('broken pattern', 'validateForm', [{'a': {'pattern': '(ab'}}, {}], bad(('FORM_PATTERN_INVALID', 'a.pattern'))),
    case('descriptor nested 18 levels', 'validateForm', [{'root': deep}, {}], bad('FORM_DESCRIPTOR_TOO_DEEP')),
    case('descriptor that is not an object', 'validateForm', [[1], {}], bad('FORM_DESCRIPTOR_INVALID')),
    case('unknown ready form', 'validateForm', ['refundForm', {}], bad('FORM_UNKNOWN')),
    case('unknown cross-field rule', 'validateForm', [{'fields': {}, 'rules': [{'type': 'sameAs'}]}, {}],
         bad(('FORM_TYPE_UNKNOWN', 'rules[0].type'))),
    case('descriptor as JSON text', 'validateForm', ['{"a": {"type": "email", "required": true}}', {'a': 'x@y.cn'}],
         ok({'a': 'x@y.cn'})),
    case('ready descriptor as an object', 'formDescriptor', ['deliveryAddress'],
         {'value': {'name': 'deliveryAddress', 'version': 1}}),
    case('unknown ready descriptor throws', 'formDescriptor', ['x'], {'error': [{'code': 'FORM_UNKNOWN'}]}),
    case('ready descriptor names', 'formDescriptorNames', [],
         {'value': ['returnApplication', 'memberSignUp', 'invoiceRequest', 'deliveryAddress']}),
    case('FormSchema.load by name', 'FormSchema.load', [RA], {'value': {'name': RA}}),
    case('FormSchema.load throws every descriptor problem', 'FormSchema.load',
         [{'a': {'type': 'phone'}, 'b': {'min': 'x'}}],
         {'error': [{'code': 'FORM_TYPE_UNKNOWN', 'path': 'a.type'}, {'code': 'FORM_DESCRIPTOR_INVALID', 'path': 'b.min'}]}),
    case('FormSchema.validate', 'FormSchema.validate', [RA, good_return, TODAY], ok({'contactName': '李雷'})),
    case('FormSchema.validateMany', 'FormSchema.validateMany', ['deliveryAddress', [{}, {'receiver': '李雷'}]],
         {'value': [{'ok': False}, {'ok': False}]}),
]

batch = [
    case('ID cards in bulk, one outcome each', 'validateMany',
         ['idCard', [gb, '110105194912310021', 42, idn('11010520300101001')], TODAY],
         {'value': [{'ok': True, 'value': {'age': 76}}, {'ok': False, 'issues': [{'code': 'ID_CARD_CHECKSUM'}]},
                    {'ok': False, 'issues': [{'code': 'INPUT_NOT_STRING'}]},
                    {'ok': False, 'issues': [{'code': 'ID_CARD_BIRTH_DATE_FUTURE'}]}]}),
    case('compact summary', 'validateMany',
         ['mobile', ['13800138000', '1380013800', '18612345678', None], {'compact': True}],
         {'value': {'total': 4, 'valid': 2, 'invalid': [{'index': 1, 'issues': [{'code': 'MOBILE_LENGTH'}]},
                                                        {'index': 3, 'issues': [{'code': 'INPUT_NOT_STRING'}]}]}}),
    case('barcodes with a layout option', 'validateMany', ['gtin', [weight], {'layout': '28IIIIIWWWWWC'}],
         {'value': [{'ok': True, 'value': {'variableMeasure': {'weightGrams': 750}}}]}),
    case('every kind has a name', 'validateMany', ['postalCode', ['100001', 'x']],
         {'value': [{'ok': True}, {'ok': False, 'issues': [{'code': 'POSTAL_CODE_FORMAT'}]}]}),
    case('empty batch', 'validateMany', ['uscc', []], {'value': []}),
    case('unknown kind throws', 'validateMany', ['fax', []], {'error': [{'code': 'VALIDATION_KIND_UNKNOWN', 'path': 'kind'}]}),
    case('values not an array throws', 'validateMany', ['mobile', '13800138000'],
         {'error': [{'code': 'INPUT_NOT_ARRAY', 'path': 'values'}]}),
]


def write(name, about, cases):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump({'about': about, 'cases': cases}, f, ensure_ascii=False, indent=1)
        f.write('\n')


write('validation-fields.json', 'Field validators: mobile, ID card, USCC, GTIN, email, name, postal code, invoice '
      'title. Generated by tests/differential/validation_vectors.py with check characters from python-stdnum and '
      'carriers from phonenumbers.', fields)
write('validation-forms.json', 'Form validation with async-validator descriptor semantics, domain types, cross-field '
      'rules, ready descriptors and descriptor errors.', forms)
write('validation-batch.json', 'Batch validation (validateMany).', batch)
print(len(fields), len(forms), len(batch))
