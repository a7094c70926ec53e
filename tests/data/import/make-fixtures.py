#!/usr/bin/env python3
# make-fixtures.py — writes the hand-made XLSX fixtures of the import tests
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reader must handle what other programs write, so these are built part by
# part: inline strings, date styles in both date systems, a sparse row, a
# second sheet, and the broken files of the error tests. Run it from this folder.
import zipfile

CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

def workbook(date1904, sheets):
    s = ''.join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, n in enumerate(sheets))
    return f'<?xml version="1.0"?><workbook {NS}><workbookPr date1904="{date1904}"/><sheets>{s}</sheets></workbook>'

def rels(n):
    r = ''.join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(n))
    return f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{r}</Relationships>'

STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>')

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

SHEET1 = (f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
          '<row r="1">' + inline('A1', 'Ydernummer') + inline('B1', 'Dato') + inline('C1', 'Tæller') + inline('D1', 'Nævner') + inline('E1', 'OK') + '</row>'
          '<row r="2"><c r="A2" t="inlineStr"><is><r><t>0123</t></r><r><t>45</t></r></is></c><c r="B2" s="1"><v>46112</v></c><c r="C2"><v>213</v></c><c r="D2" s="3"><v>391</v></c><c r="E2" t="b"><v>1</v></c></row>'
          '<row r="4"><c r="A4" t="str"><v>023456</v></c><c r="B4" s="2"><v>45930.5</v></c><c r="D4"><v>255</v></c></row>'
          '<row r="5"/>'
          '<row r="6"><c r="A6" t="inlineStr"><is><t>Ærø</t></is></c><c r="C6" t="e"><v>#N/A</v></c><c r="E6" t="b"><v>0</v></c></row>'
          '</sheetData></worksheet>')

SHEET2 = f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1">' + inline('B1', 'second sheet') + '</row></sheetData></worksheet>'

SHEET1904 = f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44651</v></c></row></sheetData></worksheet>'

def write(name, parts):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        for path, data in parts.items():
            z.writestr(path, data)

write('inline-dates.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Data', 'Notes']),
    'xl/_rels/workbook.xml.rels': rels(2),
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': SHEET1,
    'xl/worksheets/sheet2.xml': SHEET2,
})

write('date1904.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(1, ['Mac']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': SHEET1904,
})

# A zip bomb in miniature: 64 MB of blanks inside a valid sheet.
write('bomb.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Bomb']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/worksheets/sheet1.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + ' ' * (64 << 20) + '</sheetData></worksheet>',
})

# The Gnumeric workbook without its shared strings.
with zipfile.ZipFile('diabetes-gnumeric.xlsx') as src, \
     zipfile.ZipFile('no-shared-strings.xlsx', 'w', zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        if item.filename != 'xl/sharedStrings.xml':
            dst.writestr(item, src.read(item.filename))

with open('diabetes-gnumeric.xlsx', 'rb') as f:
    data = f.read()
with open('truncated.xlsx', 'wb') as f:
    f.write(data[:len(data) // 2])

# Bytes that are neither UTF-8 nor a table.
with open('garbage.bin', 'wb') as f:
    f.write(bytes((i * 167 + 13) % 256 for i in range(3000)))

open('empty.csv', 'wb').close()

# What an analyst's openpyxl script writes (made-up practices): a merged
# title, a blank row, a group row of date cells over a repeated header name,
# a total row of formulas with no cached values, a notes sheet.
OPENPYXL_STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/>'
                   '<numFmt numFmtId="165" formatCode="d mmm yyyy"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy"/></numFmts>'
                   '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="0"/>'
                   '<xf numFmtId="0"/><xf numFmtId="165"/><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="166"/></cellXfs></styleSheet>')

def istr(ref, text, style=None):
    s = f' s="{style}"' if style is not None else ''
    return f'<c r="{ref}"{s} t="inlineStr"><is><t>{text}</t></is></c>'

def num(ref, value, style=None):
    s = f' s="{style}"' if style is not None else ''
    return f'<c r="{ref}"{s} t="n"><v>{value}</v></c>'

PRACTICES = [('X84101', 'Riverside Practice', 6120, 6204), ('X84102', '', 13877, None),
             ('X84105', 'Moor Lane Surgery', 11020, 11391), ('X84107', 'Castle Medical Group', 9488, 9402)]
rows = ['<row r="1">' + istr('A1', 'Patients registered at a GP practice, made-up area', 1) + '</row>',
        '<row r="2">' + istr('A2', 'Source: invented for the tests (extracts of 1 January 2021 and 1 May 2022)') + '</row>',
        '<row r="4">' + istr('A4', 'Practice', 2) + '<c r="B4" s="2" t="n"></c>' + num('C4', 44197, 3) + num('D4', 44682, 3) + '</row>',
        '<row r="5">' + ''.join(istr(f'{c}5', h, 4) for c, h in zip('ABCDE', ['Code', 'Name', 'Registered patients', 'Registered patients', 'Extract date'])) + '</row>']
for i, (code, name, jan, may) in enumerate(PRACTICES):
    r = 6 + i
    rows.append(f'<row r="{r}">' + istr(f'A{r}', code) + (istr(f'B{r}', name) if name else f'<c r="B{r}" t="inlineStr"></c>') +
                num(f'C{r}', jan, 5) + (num(f'D{r}', may, 5) if may else '') + num(f'E{r}', 44682, 6) + '</row>')
last = 5 + len(PRACTICES)
rows.append(f'<row r="{last + 1}">' + istr(f'A{last + 1}', 'Total') + f'<c r="C{last + 1}"><f>SUM(C6:C{last})</f><v></v></c>'
            f'<c r="D{last + 1}"><f>SUM(D6:D{last})</f><v></v></c></row>')
write('registered-report.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Registered patients', 'Notes']),
    'xl/_rels/workbook.xml.rels': rels(2),
    'xl/styles.xml': OPENPYXL_STYLES,
    'xl/worksheets/sheet1.xml': f'<?xml version="1.0"?><worksheet {NS}><dimension ref="A1:E{last + 1}"/><sheetData>' + ''.join(rows) +
        '</sheetData><mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/><mergeCell ref="A4:B4"/></mergeCells></worksheet>',
    'xl/worksheets/sheet2.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + istr('A1', 'Notes').join(['<row r="1">', '</row>']) +
        '<row r="2">' + istr('A2', 'Practice X84102 is not in the May 2022 extract.') + '</row></sheetData></worksheet>',
})

# An Excel-written statistics workbook in the shape of NHS Digital's QOF
# tables (made-up CCGs): a title sheet first; on the data sheet merged
# descriptions, group rows (area, year, "_" in a hidden row, a sub-heading)
# and the header on row 14, its names repeated once per year.
QOF_STRINGS = ['Quality and Outcomes Framework, made up', 'Publication date:', 'Return to Contents',
               'Table 1: Recorded disease prevalence, made up', 'Prevalence', 'Exceptions', '_', '2017-18', '2018-19',
               'AF001', 'AF006', 'Achievement Score ', 'The contractor establishes and maintains a register',
               'CCG code', 'CCG name', 'Number of practices', 'List size', 'Register', 'Denominator ',
               '99A', 'NHS Sunnyvale CCG', '99B', 'NHS Hillside CCG']
def sst(ref, text, style=None):
    s = f' s="{style}"' if style is not None else ''
    return f'<c r="{ref}"{s} t="s"><v>{QOF_STRINGS.index(text)}</v></c>'

qof = ['<row r="2">' + sst('I2', 'The contractor establishes and maintains a register') + '<c r="J2" s="1"/></row>',
       '<row r="8">' + sst('A8', 'Return to Contents') + '</row>',
       '<row r="10">' + sst('A10', 'Table 1: Recorded disease prevalence, made up') + sst('C10', 'Prevalence') + '<c r="D10" s="1"/>' + sst('I10', 'Exceptions') + '</row>',
       '<row r="11" hidden="1">' + sst('C11', '_') + sst('F11', '_') + '</row>',
       '<row r="12">' + sst('C12', '2017-18') + sst('F12', '2018-19') + sst('I12', 'AF001') + sst('J12', 'AF006') + '</row>',
       '<row r="13">' + ''.join(f'<c r="{c}13" s="1"/>' for c in 'ABCDEFGH') + sst('I13', 'Achievement Score ') + sst('J13', 'Achievement Score ') + '</row>',
       '<row r="14">' + ''.join(sst(f'{c}14', h) for c, h in zip('ABCDEFGHIJ', ['CCG code', 'CCG name', 'Number of practices', 'List size', 'Register',
                                                                                  'Number of practices', 'List size', 'Register', 'Denominator ', 'Denominator '])) + '</row>',
       '<row r="15">' + sst('A15', '99A') + sst('B15', 'NHS Sunnyvale CCG') + ''.join(num(f'{c}15', v) for c, v in zip('CDEFGHIJ', [31, 250812, 3604, 31, 251977, 3652, 3388, 3431])) + '</row>',
       '<row r="16">' + sst('A16', '99B') + sst('B16', 'NHS Hillside CCG') + ''.join(num(f'{c}16', v) for c, v in zip('CDEFGHIJ', [22, 180044, 2917, 21, 181203, 2990, 2713, 2790])) + '</row>']
write('statistics-workbook.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['Title sheet', 'AF']),
    'xl/_rels/workbook.xml.rels': rels(2),
    'xl/styles.xml': STYLES,
    'xl/sharedStrings.xml': f'<?xml version="1.0"?><sst {NS} count="{len(QOF_STRINGS)}" uniqueCount="{len(QOF_STRINGS)}">' +
        ''.join(f'<si><t xml:space="preserve">{t}</t></si>' for t in QOF_STRINGS) + '</sst>',
    'xl/worksheets/sheet1.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData><row r="2">' + sst('B2', 'Quality and Outcomes Framework, made up') +
        '</row><row r="12">' + sst('B12', 'Publication date:') + num('C12', 43762, 1) + '</row></sheetData></worksheet>',
    'xl/worksheets/sheet2.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + ''.join(qof) + '</sheetData><mergeCells count="8">'
        '<mergeCell ref="I2:J9"/><mergeCell ref="C10:H10"/><mergeCell ref="I10:J10"/><mergeCell ref="C11:E11"/><mergeCell ref="F11:H11"/>'
        '<mergeCell ref="C12:E12"/><mergeCell ref="F12:H12"/><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
})

# LibreOffice's "Save as XLSX" of a CSV of months: date cells as serials in
# an escaped yyyy\-mm\-dd format, and formulas it never calculated.
LO_STYLES = (f'<?xml version="1.0"?><styleSheet {NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="General"/>'
             '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="2"><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')
write('libreoffice-dates.xlsx', {
    '[Content_Types].xml': CT,
    'xl/workbook.xml': workbook(0, ['antibacterial']),
    'xl/_rels/workbook.xml.rels': rels(1),
    'xl/styles.xml': LO_STYLES,
    'xl/worksheets/sheet1.xml': f'<?xml version="1.0"?><worksheet {NS}><sheetData>'
        '<row r="1">' + ''.join(istr(f'{c}1', h) for c, h in zip('ABCD', ['date', 'id', 'y_items', 'total'])) + '</row>'
        '<row r="2">' + num('A2', 41913, 1) + istr('B2', 'Q99001') + num('C2', 84) + '<c r="D2" t="str"><f>C2&amp;"x"</f></c></row>'
        '<row r="3">' + num('A3', 41944, 1) + istr('B3', 'Q99001') + num('C3', 91) + '<c r="D3"><f>SUM(C2:C3)</f></c></row>'
        '</sheetData></worksheet>',
})
