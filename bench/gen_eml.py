#!/usr/bin/env python3
"""Generate N realistic Danish e-mail files (.eml) for the import benchmark.

Usage: python3 bench/gen_eml.py N SEED OUTDIR

Writes OUTDIR/NNN/NNNNNNN.eml, 1,000 files per folder, in the order a mailbox export would
have them (so every reply comes after the message it answers). Deterministic per SEED.

The mix, roughly as a municipality's mailboxes see it:
- bodies in UTF-8 (8bit, quoted-printable or base64) and ISO-8859-1, with æ, ø, å;
- 15 % HTML only, 15 % multipart/alternative (text and HTML);
- 12 % with an attachment (a small PDF in base64, or a text file, now and then with a CPR
  number), 2 % with a larger one (about 60 KB);
- 10 % replies (In-Reply-To and References to an earlier message; some quote the inquiry's
  reference in the subject);
- 2 % exact copies of an earlier file, 1 % the same Message-ID delivered to another mailbox;
- sent to the general mailbox, a department's, or a caseworker's.
"""

import base64
import os
import random
import sys

FIRST = ["Karen", "Søren", "Mette", "Jørgen", "Anne", "Åse", "Lars", "Birthe", "Ole", "Hanne",
         "Mads", "Sofie", "Frederik", "Ida", "Niels", "Grethe", "Rasmus", "Line", "Bjørn", "Maja"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
        "Sørensen", "Rasmussen", "Jørgensen", "Møller", "Kjær", "Lund", "Holm", "Østergaard"]
DOMAINS = ["gmail.com", "hotmail.dk", "outlook.dk", "mail.dk", "live.dk", "yahoo.dk",
           "jubii.dk", "stofanet.dk"]
TO = (["kommune@htk.dk"] * 5
      + ["borgerservice@htk.dk", "teknik@htk.dk", "social@htk.dk", "skole@htk.dk"] * 2
      + ["mette.hansen@htk.dk", "jonas.berg@htk.dk", "camilla.berg@htk.dk"])
SUBJECTS = [
    "Spørgsmål om affaldsindsamling", "Ansøgning om byggetilladelse", "Klage over vejarbejde",
    "Skoleindskrivning til næste år", "Ændring af boligstøtte", "Hjælp til ældre forælder",
    "Parkeringstilladelse i Taastrup", "Storskrald på Ærøvej", "Hvornår får jeg svar?",
    "Ny adresse", "Tilskud til handicapbil", "Fejl i opkrævning af ejendomsskat",
    "Spørgsmål vedrørende pension", "Støj fra naboens varmepumpe", "Fældning af træ",
]
SENTENCES = [
    "Jeg skriver angående min henvendelse fra sidste uge.",
    "Kan I fortælle mig, hvornår jeg kan forvente et svar?",
    "Vi har boet på adressen i syv år og har aldrig oplevet det før.",
    "Min mor på 84 år har brug for hjælp til rengøring og indkøb.",
    "Jeg har vedhæftet de dokumenter, som sagsbehandleren bad om.",
    "På forhånd tak for hjælpen, og undskyld den lange besked.",
    "Skraldespanden ved Ærøvej 12 er ikke blevet tømt i tre uger.",
    "Kan jeg få en tid hos Borgerservice i næste uge, gerne før kl. 12?",
    "Det drejer sig om ansøgningen om tilbygning på 24 m² til carporten.",
    "Jeg forstår ikke brevet, jeg fik i e-Boks, om efterregulering.",
    "Mit barn skal starte i 0. klasse efter sommerferien.",
    "Vejen er blevet gravet op, og der er ingen skiltning om omkørsel.",
    "Jeg vil gerne klage over behandlingstiden i min sag.",
    "Hvad koster det at få hentet storskrald, og hvornår kommer I?",
    "Vi søger om tilskud til et trappelift, da min mand ikke kan gå på trapper længere.",
]
FOOTERS = ["Med venlig hilsen", "Venlig hilsen", "Mvh.", "Hilsen"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfc2047(text):
    """An encoded word for a header with non-ASCII letters."""
    if all(ord(c) < 128 for c in text):
        return text
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


def qp(text, charset="utf-8"):
    out, line = [], ""
    for b in text.encode(charset):
        c = chr(b)
        piece = c if (33 <= b <= 126 and c != "=") or c == " " else "=%02X" % b
        if c == "\n":
            out.append(line.rstrip(" ") + "\r\n" if not line.endswith(" ") else line[:-1] + "=20\r\n")
            line = ""
            continue
        if len(line) + len(piece) > 73:
            out.append(line + "=\r\n")
            line = ""
        line += piece
    out.append(line)
    return "".join(out)


def b64_lines(data):
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def date_header(r, n):
    # Spread over January–October 2026, in order of n.
    day = 1 + (n * 300) // max(N, 1)
    month, dom = 1 + min(day // 31, 9), 1 + day % 28
    hour, minute = 7 + r.randrange(12), r.randrange(60)
    wd = WEEKDAYS[(dom + month) % 7]
    return "%s, %d %s 2026 %02d:%02d:%02d +0100" % (wd, dom, MONTHS[month - 1], hour, minute, r.randrange(60))


def body_text(r, name):
    lines = ["Hej,", ""]
    for _ in range(r.randrange(2, 7)):
        lines.append(" ".join(r.choice(SENTENCES) for _ in range(r.randrange(1, 4))))
        lines.append("")
    lines += [r.choice(FOOTERS), name]
    return "\n".join(lines)


def text_part(r, text, headers_only=False):
    kind = r.random()
    if kind < 0.4:
        return ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n",
                text.replace("\n", "\r\n").encode())
    if kind < 0.65:
        return ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
                qp(text).encode())
    if kind < 0.85:
        return ("Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: base64\r\n",
                b64_lines(text.encode()).encode())
    return ("Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n",
            qp(text, "iso-8859-1").encode())


def html_of(text):
    paras = "".join("<p>%s</p>" % p.replace("\n", "<br>") for p in text.split("\n\n"))
    return "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Calibri\">%s</body></html>" % paras


def pdf(r, size):
    head = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
    return head + bytes(r.getrandbits(8) for _ in range(size))


def message(r, n, replies_to):
    first, last = r.choice(FIRST), r.choice(LAST)
    name = "%s %s" % (first, last)
    local = ("%s.%s%d" % (first, last, r.randrange(100))).lower()
    local = local.replace("ø", "oe").replace("å", "aa").replace("æ", "ae")
    sender = "%s@%s" % (local, r.choice(DOMAINS))
    to = r.choice(TO)
    mid = "%d.%08x@%s" % (n, r.getrandbits(32), sender.split("@")[1])
    subject = r.choice(SUBJECTS)
    sent = date_header(r, n)
    headers = [
        "Return-Path: <%s>" % sender,
        "Delivered-To: %s" % to,
        "Received: from mx.%s by mail.htk.dk with ESMTPS; %s" % (sender.split("@")[1], sent),
        "From: %s <%s>" % (rfc2047(name), sender),
        "To: %s" % to,
        "Date: %s" % sent,
        "Message-ID: <%s>" % mid,
    ]
    if replies_to is not None:
        parent_mid, parent_subject, ref = replies_to
        subject = "Sv: " + parent_subject + (" [%s]" % ref if ref else "")
        headers += ["In-Reply-To: <%s>" % parent_mid, "References: <%s>" % parent_mid]
    headers += ["Subject: %s" % rfc2047(subject), "MIME-Version: 1.0"]
    text = body_text(r, name)
    if r.random() < 0.03:
        text += "\nMit cpr-nummer er %02d%02d%02d-%04d.\n" % (r.randrange(1, 29), r.randrange(1, 13), r.randrange(100), r.randrange(10000))
    shape = r.random()
    attach = r.random()
    boundary = "==frist_%d_%x" % (n, r.getrandbits(32))
    parts = []
    if shape < 0.15:
        html = html_of(text)
        body_headers = "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        parts.append((body_headers, qp(html).encode()))
    elif shape < 0.30:
        alt = "alt" + boundary
        h1, b1 = text_part(r, text)
        html = html_of(text)
        inner = (b"--" + alt.encode() + b"\r\n" + h1.encode() + b"\r\n" + b1 + b"\r\n"
                 + b"--" + alt.encode() + b"\r\nContent-Type: text/html; charset=utf-8\r\n"
                 + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp(html).encode()
                 + b"\r\n--" + alt.encode() + b"--\r\n")
        parts.append(("Content-Type: multipart/alternative; boundary=\"%s\"\r\n" % alt, inner))
    else:
        parts.append(text_part(r, text))
    if attach < 0.02:
        parts.append(("Content-Type: application/pdf; name=\"dokumentation.pdf\"\r\n"
                      "Content-Disposition: attachment; filename=\"dokumentation.pdf\"\r\n"
                      "Content-Transfer-Encoding: base64\r\n", b64_lines(pdf(r, 45000)).encode()))
    elif attach < 0.09:
        parts.append(("Content-Type: application/pdf; name=\"ansøgning.pdf\"\r\n"
                      "Content-Disposition: attachment; filename*=utf-8''ans%C3%B8gning.pdf\r\n"
                      "Content-Transfer-Encoding: base64\r\n", b64_lines(pdf(r, 2500)).encode()))
    elif attach < 0.14:
        lines = "navn;adresse;bemærkning\n%s;Ærøvej %d;%s\n" % (name, r.randrange(1, 99), r.choice(SENTENCES))
        if r.random() < 0.2:
            lines += "cpr;%02d%02d%02d%04d\n" % (r.randrange(1, 29), r.randrange(1, 13), r.randrange(100), r.randrange(10000))
        parts.append(("Content-Type: text/csv; charset=utf-8; name=\"oplysninger.csv\"\r\n"
                      "Content-Disposition: attachment; filename=\"oplysninger.csv\"\r\n"
                      "Content-Transfer-Encoding: 8bit\r\n", lines.replace("\n", "\r\n").encode()))
    head = "\r\n".join(headers) + "\r\n"
    if len(parts) == 1:
        h, b = parts[0]
        raw = head.encode() + h.encode() + b"\r\n" + b + b"\r\n"
    else:
        raw = head.encode() + ("Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n" % boundary).encode()
        raw += b"This is a multi-part message in MIME format.\r\n"
        for h, b in parts:
            raw += b"--" + boundary.encode() + b"\r\n" + h.encode() + b"\r\n" + b + b"\r\n"
        raw += b"--" + boundary.encode() + b"--\r\n"
    return raw, mid, subject


def main():
    global N
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    N, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    r = random.Random(seed)
    earlier = []  # (message id, subject, raw) of recent originals, to reply to and copy
    inquiries = 0
    for n in range(N):
        folder = os.path.join(out, "%03d" % (n // 1000))
        if n % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        roll = r.random()
        if earlier and roll < 0.02:
            raw = r.choice(earlier)[2]                       # an exact copy
        elif earlier and roll < 0.03:
            mid, _, raw0 = r.choice(earlier)                 # delivered to a second mailbox
            raw = raw0.replace(b"Delivered-To: ", b"Delivered-To: kommune@htk.dk\r\nX-Copy-Of: ", 1)
        elif earlier and roll < 0.13:
            mid, subject, _ = r.choice(earlier)
            # Some citizens quote the reference of their first inquiry in the subject.
            ref = "HTK-2026-%06d" % r.randrange(1, inquiries + 1) if r.random() < 0.3 and inquiries else None
            raw, _, _ = message(r, n, (mid, subject, ref))
        else:
            raw, mid, subject = message(r, n, None)
            inquiries += 1
            earlier.append((mid, subject, raw))
            if len(earlier) > 5000:
                earlier.pop(r.randrange(len(earlier)))
        with open(os.path.join(folder, "%07d.eml" % n), "wb") as f:
            f.write(raw)


if __name__ == "__main__":
    main()
