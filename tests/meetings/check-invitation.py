#!/usr/bin/env python3
# check-invitation.py ICS EML SEQUENCE METHOD [UID] — reads a meeting's calendar
# and its mail draft as another program would (python3-icalendar, the email
# package) and checks what a calendar client needs to apply it (RFC 5546):
# the method, the sequence, every attendee with RSVP, the same calendar in
# the mail as text/calendar with that method and as an .ics attachment, and
# the recipients in BCC only. Prints the UID, for the next call to compare.
# SPDX-License-Identifier: GPL-3.0-or-later
import email
import email.policy
import sys

import icalendar

ics_path, eml_path, sequence, method = sys.argv[1:5]
uid = sys.argv[5] if len(sys.argv) > 5 else None

with open(ics_path, 'rb') as f:
    raw = f.read()
calendar = icalendar.Calendar.from_ical(raw)
assert str(calendar['METHOD']) == method, calendar['METHOD']
events = [c for c in calendar.walk('VEVENT')]
assert len(events) == 1, len(events)
event = events[0]
assert int(event['SEQUENCE']) == int(sequence), event['SEQUENCE']
assert uid is None or str(event['UID']) == uid, (event['UID'], uid)
assert str(event['STATUS']) == ('CANCELLED' if method == 'CANCEL' else 'CONFIRMED')
attendees = event.get('ATTENDEE')
attendees = attendees if isinstance(attendees, list) else [attendees]
assert len(attendees) >= 2, len(attendees)
for attendee in attendees:
    assert str(attendee).startswith('mailto:'), attendee
    assert attendee.params['RSVP'] == 'TRUE', attendee.params
assert str(event['ORGANIZER']).startswith('mailto:')

with open(eml_path, 'rb') as f:
    message = email.message_from_binary_file(f, policy=email.policy.default)
assert message['X-Unsent'] == '1'
bcc = message.get_all('Bcc')
assert bcc is not None
recipients = [a.addr_spec for h in bcc for a in h.addresses]
mailto = sorted(str(a)[len('mailto:'):] for a in attendees)
if message['Subject'].startswith(('Reminder', 'Påmindelse')):
    assert 0 < len(recipients) <= len(mailto)
else:
    assert sorted(recipients) == mailto, (recipients, mailto)
assert all(r not in str(message['To'] or '') for r in recipients if r != str(event['ORGANIZER'])[7:])
inline = [p for p in message.walk() if p.get_content_type() == 'text/calendar']
assert len(inline) == 1 and inline[0].get_param('method') == method
attached = [p for p in message.walk() if p.get_filename() == 'invite.ics']
assert len(attached) == 1
assert inline[0].get_content_charset() == 'utf-8'
assert inline[0].get_payload(decode=True) == attached[0].get_payload(decode=True) == raw
assert icalendar.Calendar.from_ical(attached[0].get_payload(decode=True))['METHOD'] == method
print(event['UID'])
