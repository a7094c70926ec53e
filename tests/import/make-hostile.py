#!/usr/bin/env python3
# make-hostile.py DIR — writes the hostile files of test-cli-hostile.sh into DIR
# Copyright 2026 The Klynge authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each is small on disk and would cost the reader far more than its size
# without the reader's budgets; zipped as make-fixtures.py does.
import os
import sys
import zipfile

out = sys.argv[1]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def header(columns):
    return '<row r="1">' + ''.join(f'<c r="{c}1" t="inlineStr"><is><t>{t}</t></is></c>' for c, t in columns) + '</row>'


NAMES = [chr(ord('A') + i // 26 - 1).strip('@') + chr(ord('A') + i % 26) for i in range(50)]
WIDE = header([(c, 'clinic' if i == 0 else 'count' if i == 1 else f'n{i}') for i, c in enumerate(NAMES)])


def workbook(name, rows, shared=None, head=WIDE, doctype=''):
    with zipfile.ZipFile(os.path.join(out, name), 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('xl/workbook.xml', f'<?xml version="1.0"?><workbook {NS}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', RELS)
        if shared is not None:
            z.writestr('xl/sharedStrings.xml', f'<?xml version="1.0"?>{doctype}<sst {NS}><si><t>{shared}</t></si></sst>')
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet {NS}><sheetData>{head}'.encode())
            for row in rows:
                sheet.write(row.encode())
            sheet.write(b'</sheetData></worksheet>')


def shared_rows(n_rows, n_cells):
    cells = ''.join('<c t="s"><v>0</v></c>' for _ in range(n_cells))
    return (f'<row r="{r}">{cells}</row>' for r in range(2, n_rows + 2))


# Every cell refers to one 9 MB text: 100,000 copies would be 900 GB.
workbook('amplified.xlsx', shared_rows(2000, 50), shared='x' * (9 << 20))
# A text a cell may hold, referred to 200,000 times: 6 GB of copies.
workbook('repeated.xlsx', shared_rows(4000, 50), shared='y' * 30000)
# 44 MB of cells in 140 KB: far more than real workbooks inflate.
workbook('inflated.xlsx', shared_rows(40000, 50), shared='a')
# A count at column XFD on 100,000 rows.
workbook('far-column.xlsx', (f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Nowhere {r % 7}</t></is></c><c r="XFD{r}"><v>{r}</v></c></row>'
                             for r in range(2, 100002)), head=header([('A', 'clinic'), ('XFD', 'count')]))
workbook('beyond-xfd.xlsx', ['<row r="2"><c r="XFE2"><v>1</v></c></row>'])
# Entities: a billion laughs, and one that would read a local file.
LAUGHS = ''.join(f'<!ENTITY l{i + 1} "' + f'&l{i};' * 10 + '">' for i in range(9))
workbook('laughs.xlsx', shared_rows(1, 2), shared='&l9;', doctype=f'<!DOCTYPE sst [<!ENTITY l0 "lol">{LAUGHS}]>')
workbook('external-entity.xlsx', shared_rows(1, 2), shared='&x;', doctype='<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>')

with open(os.path.join(out, 'long-names.csv'), 'w') as f:
    f.write('clinic,count\n')
    for i in range(3):
        f.write('N' * (9 << 20) + f'{i},1\n')
with open(os.path.join(out, 'longish-names.csv'), 'w') as f:
    f.write('clinic,count\n')
    for i in range(3):
        f.write(f'Clinic {i} ' + 'n' * 30000 + ',1\n')
with open(os.path.join(out, 'open-quote.csv'), 'w') as f:
    f.write('clinic,count\n"Lægehuset,1\n' + 'a,1\n' * (3 << 20))
with open(os.path.join(out, 'nul.csv'), 'wb') as f:
    f.write(b'clinic,count\n' + b'Nowhere,1\n' * 8000 + b'Nowhere,12\x00345\n')
with open(os.path.join(out, 'range.csv'), 'w') as f:
    f.write('clinic,count\nNowhere,1e-400\nNowhere,1e400\n')
