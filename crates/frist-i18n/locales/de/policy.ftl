# Frist: the policy catalogue, de (German, formal "Sie"). See da/policy.ftl. Lengths of time
# take $case = "dative" after "innerhalb von".

title = Was Sie von { $name } erwarten können
and = und
or = oder

## How a citizen reaches us, as it reads in "Wenn Sie uns … schreiben"

how-email = per E-Mail
how-letter = per Brief
how-digital-post = per Digital Post
how-web-form = über das Online-Formular
how-facebook = über Facebook
how-phone = telefonisch
how-in-person = persönlich

## What the inquiry is ("mit …", dative) and to whom ("an …", accusative)

kind-general-question = einer allgemeinen Frage
kind-application = einem Antrag
kind-complaint = einer Beschwerde
kind-information = Informationen
kind-other = einem anderen Anliegen
addressee-general = das allgemeine Postfach der Gemeinde
addressee-department = das Postfach einer Abteilung
addressee-employee = eine Mitarbeiterin oder einen Mitarbeiter direkt
condition-kinds = { " " }mit { $kinds }
condition-to = { " " }an { $addressees }

## Lengths of time

within-working-days =
    { $n ->
        [one] { $n } Arbeitstag
       *[other] { $case ->
            [dative] { $n } Arbeitstagen
           *[other] { $n } Arbeitstage
        }
    }
within-hours =
    { $n ->
        [one] { $n } Stunde
       *[other] { $n } Stunden
    }
within-weeks =
    { $n ->
        [one] { $n } Woche
       *[other] { $n } Wochen
    }

## What we promise, and the sentence around it

requires-acknowledgment = erhalten Sie innerhalb von { $within } entweder eine Antwort oder eine Eingangsbestätigung, die Ihnen sagt, wer Ihr Anliegen bearbeitet, wie es weitergeht und wann Sie mit einer Antwort rechnen können
requires-answer = erhalten Sie innerhalb von { $within } eine abschließende Antwort
requires-callback = rufen wir Sie innerhalb von { $within } zurück
requires-triage = lesen wir Ihr Anliegen und leiten es innerhalb von { $within } an die zuständige Stelle weiter
sentence-phone = Wenn Sie uns{ $condition } anrufen und wir eine Nachricht aufnehmen, { $what }.
sentence-written = Wenn Sie uns { $how }{ $condition } schreiben, { $what }.
sentence-contact = Wenn Sie sich { $how }{ $condition } an uns wenden, { $what }.

## Sections

heading-response-times = Wann hören Sie von uns?
no-promises = { $name } hat keine bestimmten Antwortzeiten versprochen. Wir antworten so schnell wie möglich und sagen Ihnen, wann Sie mit einer Antwort rechnen können.
silent-channels = Für Anliegen, die Sie { $channels } an uns richten, haben wir keine bestimmte Antwortzeit versprochen.
heading-case-times = Bearbeitungszeiten
case-times-intro = Manche Anliegen dauern länger, weil für sie besondere Regeln gelten. Das sind unsere Fristen:
case-no-deadline = keine feste Frist
heading-working-days = So zählen wir Arbeitstage
working-days-text = Arbeitstage sind Montag bis Freitag, außer an Feiertagen. Der Tag, an dem Ihr Anliegen bei uns eingeht, zählt nicht mit. Geht es an einem Samstag, Sonntag oder Feiertag ein, zählen wir ab dem nächsten Arbeitstag.
closed-also = Außerdem haben wir geschlossen: { $days }.
closing-yearly = { $name } ({ $day }. { $month })
date = { $day }. { $month } { $year }
heading-promised-in = Unsere Zusagen in «{ $title }» (auf Dänisch)
heading-promised = Unsere Zusagen (auf Dänisch)
heading-opening-hours = Öffnungszeiten
heading-phone-hours = Telefonzeiten
heading-contact = Kontakt
contact-address = Adresse
contact-phone = Telefon
contact-email = E-Mail
contact-website = Website

## Names of days and months

weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Labels of the policy vocabulary (channel, addressee, kind, requirement), as in lists and tables

label-channel-email = E-Mail
label-channel-letter = Brief
label-channel-digital-post = Digital Post
label-channel-web-form = Online-Formular
label-channel-facebook = Facebook
label-channel-phone = Telefon
label-channel-in-person = persönliche Vorsprache
label-addressee-general = allgemeines Postfach
label-addressee-department = Postfach der Abteilung
label-addressee-employee = eine Mitarbeiterin oder ein Mitarbeiter direkt
label-kind-general-question = allgemeine Frage
label-kind-application = Antrag
label-kind-complaint = Beschwerde
label-kind-information = Informationen
label-kind-other = Sonstiges
label-requirement-acknowledgment = Eingangsbestätigung
label-requirement-answer = Antwort
label-requirement-callback = Rückruf
label-requirement-triage = Weiterleitung
