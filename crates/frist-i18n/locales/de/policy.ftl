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

## goals: what Frist does today for a rule or feature (`frist policy check`), and where a
## person finds it. $path is a page's path; support.rs/availability.rs decide which applies.

support-today = Frist heute
support-not-yet = noch nicht unterstützt
support-partly-short = teilweise
support-partly = Teilweise: { $missing } fehlt noch.
missing-report = ein Bericht
where-reply-rules = Wird vor dem Versand geprüft, im Antwortformular auf der Vorgangsseite ({ $path }) und in der API; ein Verstoß hält die Nachricht auf.
where-readability = Wird im Antwortformular auf der Vorgangsseite ({ $path }) geprüft, auch während des Schreibens, wenn die Richtliniendatei einen Abschnitt [readability] hat; warnt, hält die Nachricht aber nicht auf.
where-extension = „Verlängern und Bescheid geben“ auf der Vorgangsseite ({ $path }): nur mit neuem Datum, Begründung und Nachricht an den Bürger.
where-close = „Anfrage schließen“ auf der Vorgangsseite ({ $path }): „beantwortet“ verlangt eine abschließende Antwort, „übergeben“ eine Übergabe an eine namentlich genannte Kollegin oder einen Kollegen.
where-absence-substitute = Abwesenheit unter { $path }; neue E-Mails an die abwesende Person gehen an die Vertretung, und die offenen Anfragen der abwesenden Person stehen, solange die Abwesenheit dauert, unter „Mine“ der Vertretung.
where-absence-auto-reply = Abwesenheit unter { $path }; E-Mails an die abwesende Person erhalten eine automatische Antwort mit Rückkehrdatum und Vertretung.
where-phone-messages = Der Schalter ({ $path }): eine Telefonnachricht wird mit Telefonnummer erfasst, und der Rückruf erhält seine Frist, die „Ringet tilbage“ auf der Vorgangsseite einhält, wenn der Bürger erreicht wurde.
where-phone-hours = Die Telefonzeiten der Richtliniendatei ([calendar.phone_hours]) werden unter { $path } angezeigt.
where-referrals = „Weiterleiten“ auf der Vorgangsseite ({ $path }) an eine andere Abteilung; die Weiterleitung steht im Verlauf und wird an der Anfrage gezählt.
where-citizen-visible-notes = „Notiz hinzufügen“ auf der Vorgangsseite ({ $path }) mit „Für den Bürger sichtbar“; die Notiz erscheint auf der Statusseite des Bürgers.
where-feedback = Die Statusseite des Bürgers ({ $path }) bittet nach der Antwort um eine Bewertung und einen Kommentar; beides steht im Verlauf der Anfrage.
where-self-service = Das Selbstbedienungsformular unter { $path }, rund um die Uhr.
where-service-goal-page = Die Serviceziele unter { $path }, aus der Richtliniendatei erzeugt.
where-error-register = „Fehler erfassen“ auf der Vorgangsseite ({ $path }); der Fehler steht im Verlauf der Anfrage.
where-named-caseworker = „Öffnen und mir zuweisen“ auf der Vorgangsseite ({ $path }); der Bürger sieht den Namen der Sachbearbeitung auf der Statusseite.
where-awaiting-citizen = „Den Bürger um Angaben bitten“ auf der Vorgangsseite ({ $path }); Fristen mit pausable = true ruhen, bis der Bürger geantwortet hat.
where-all-channels = E-Mail aus den Postfächern, Briefe, Telefon und persönliche Besuche am Schalter ({ $path }), das Selbstbedienungsformular, Facebook und die API.
where-languages = Die Bürgerseiten gibt es auf Dänisch, Englisch und Deutsch, z. B. { $path }; die Sprache der Anfrage wird gespeichert.
where-satisfaction-survey = Die Statusseite des Bürgers ({ $path }) fragt nach der Antwort, wie zufrieden der Bürger ist; die Antwort steht im Verlauf der Anfrage.

## goals2: the substitute's cover on the queue, case types set on the staff pages
where-substitute-cover = „Mine“ in der Vorgangsliste ({ $path }): während eine Kollegin oder ein Kollege mit Ihnen als Vertretung abwesend ist, stehen deren offene Anfragen dort, als Vertretung markiert, und verschwinden wieder, wenn die Abwesenheit endet. Nichts wird neu zugewiesen, und die Fristen bleiben unverändert.
where-case-types = „Hvad drejer henvendelsen sig om?“ auf der Vorgangsseite ({ $path }) und der Schalter setzen einen der Vorgangstypen der Richtliniendatei ([[case_type]]); dessen Frist wird eine Antwortfrist und steht auf der Seite mit den Servicezielen.
missing-case-types = die Vorgangstypen mit ihren veröffentlichten Fristen in der Richtliniendatei und ein Bericht je Vorgangstyp
heading-not-yet = Ziele, bei denen Frist noch nicht alles unterstützt, was die Datei nennt
