# Frist: the citizen catalogue, de (German, formal "Sie"). Written by hand; it must have every
# key of da/citizen.ftl (the completeness test in crates/frist-i18n/tests checks).

## Messages

months-1 = Januar
months-2 = Februar
months-3 = März
months-4 = April
months-5 = Mai
months-6 = Juni
months-7 = Juli
months-8 = August
months-9 = September
months-10 = Oktober
months-11 = November
months-12 = Dezember
skip-link = Zum Inhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-write = Schreiben Sie der Gemeinde
nav-goals = Was Sie von uns erwarten können
nav-accessibility = Erklärung zur Barrierefreiheit
footer-heading = Kontakt
footer-address = Adresse
footer-phone = Telefon
footer-email = E-Mail
footer-website = Website
footer-cvr = CVR-Nummer
front-intro = Hier können Sie der Gemeinde schreiben, Ihr Anliegen verfolgen und nachlesen, was Sie von uns erwarten können.
front-write-text = Stellen Sie eine Frage, senden Sie einen Antrag oder teilen Sie uns etwas mit. Sie erhalten eine Eingangsbestätigung mit einem Link, über den Sie Ihr Anliegen verfolgen können.
front-goals-text = Unsere Serviceziele: wann Sie eine Antwort erwarten können und wann wir geöffnet haben.
front-accessibility-text = Wie wir dafür sorgen, dass alle diese Seiten nutzen können.
write-title = Schreiben Sie der Gemeinde
write-intro = Füllen Sie die Felder aus und klicken Sie auf „Senden“. Sie erhalten eine Referenznummer und einen Link, über den Sie Ihr Anliegen verfolgen können.
required-mark = (Pflichtfeld)
optional-mark = (freiwillig)
field-unit = Wer soll Ihr Anliegen erhalten?
unit-unknown = Weiß ich nicht – der Bürgerservice leitet es weiter
field-kind = Worum geht es?
kind-general-question = Eine Frage
kind-application = Ein Antrag
kind-complaint = Eine Beschwerde
kind-information = Eine Mitteilung an die Gemeinde
kind-other = Etwas anderes
field-subject = Betreff
subject-hint = Schreiben Sie kurz, worum es geht.
field-message = Ihre Nachricht
field-name = Ihr Name
contact-legend = Wie können wir Sie erreichen?
contact-hint = Geben Sie Ihre E-Mail-Adresse, Ihre Telefonnummer oder beides an.
field-email = E-Mail
field-phone = Telefonnummer
field-cpr = CPR-Nummer
cpr-notice = Sie müssen Ihre CPR-Nummer nicht angeben. Wenn Sie es tun, senden wir Antworten, die Ihre CPR-Nummer enthalten, per Digital Post und nicht per E-Mail.
submit = Senden
error-summary-title = Es gibt ein Problem
error-prefix = Fehler:
err-subject-missing = Geben Sie einen Betreff ein.
err-subject-too-long = Der Betreff darf höchstens 200 Zeichen lang sein.
err-message-missing = Geben Sie Ihre Nachricht ein.
err-message-too-long = Die Nachricht darf höchstens 20.000 Zeichen lang sein.
err-name-missing = Geben Sie Ihren Namen ein.
err-name-too-long = Der Name darf höchstens 200 Zeichen lang sein.
err-contact-missing = Geben Sie Ihre E-Mail-Adresse oder Ihre Telefonnummer an, damit wir Ihnen antworten können.
err-email-invalid = Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.
err-phone-invalid = Geben Sie eine Telefonnummer mit mindestens 8 Ziffern ein.
err-cpr-invalid = Geben Sie die CPR-Nummer mit 10 Ziffern ein (TTMMJJ-XXXX), oder lassen Sie das Feld leer.
err-unit-unknown = Wählen Sie einen Empfänger aus der Liste.
err-kind-unknown = Wählen Sie, worum es geht.
receipt-title = Vielen Dank, wir haben Ihr Anliegen erhalten
receipt-reference = Ihre Referenznummer
receipt-status-heading = Verfolgen Sie Ihr Anliegen
receipt-status-text = Bewahren Sie den folgenden Link auf. Über ihn können Sie Ihr Anliegen verfolgen, und wir zeigen ihn nur dieses eine Mal.
receipt-status-link = Stand Ihres Anliegens ansehen
receipt-goals-text = Lesen Sie, wann Sie eine Antwort erwarten können
status-title = Stand Ihres Anliegens
status-reference = Referenznummer
status-subject = Betreff
status-received = Eingegangen
status-state = Stand
state-new = Eingegangen. Wir haben Ihr Anliegen noch nicht geöffnet.
state-open = In Bearbeitung.
state-awaiting = Wir warten auf eine Antwort von Ihnen.
state-answered = Beantwortet.
state-closed = Abgeschlossen.
status-caseworker = Sachbearbeitung
status-contact = Kontakt
status-next-step = Nächster Schritt
status-expected = Antwort erwartet am
status-messages = Nachrichten der Gemeinde
status-no-messages = Wir haben Ihnen zu diesem Anliegen noch keine Nachrichten gesendet.
status-notes = Hinweise zu Ihrem Anliegen
msg-acknowledgment = Eingangsbestätigung
msg-answer = Antwort
msg-decision = Bescheid
msg-extension = Neue Antwortfrist
msg-information-request = Wir bitten um Angaben
msg-other = Nachricht
feedback-heading = Wie zufrieden sind Sie mit unserem Service?
feedback-legend = Wie zufrieden sind Sie damit, wie wir Ihr Anliegen bearbeitet haben?
feedback-scores-1 = 1 – Sehr unzufrieden
feedback-scores-2 = 2 – Unzufrieden
feedback-scores-3 = 3 – Weder zufrieden noch unzufrieden
feedback-scores-4 = 4 – Zufrieden
feedback-scores-5 = 5 – Sehr zufrieden
feedback-comment = Kommentar
feedback-submit = Bewertung senden
feedback-thanks = Vielen Dank für Ihre Bewertung. Sie hilft uns, besser zu werden.
err-score-missing = Wählen Sie eine Zahl von 1 bis 5.
err-comment-too-long = Der Kommentar darf höchstens 2.000 Zeichen lang sein.
not-found-title = Seite nicht gefunden
not-found-text = Wir können die gesuchte Seite nicht finden. Prüfen Sie, ob die Adresse richtig geschrieben ist.
forbidden-title = Wir konnten das Formular nicht annehmen
forbidden-text = Das Formular war abgelaufen, oder Ihr Browser hat es ohne das nötige Cookie gesendet. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
not-allowed-title = Sie haben keinen Zugang zu dieser Seite
not-allowed-text = Diese Seite ist für Teamleitungen und Administratoren. Fragen Sie Ihre Leitung, wenn Sie Zugang benötigen.
bad-request-title = Das Formular konnte nicht gelesen werden
bad-request-text = Was gesendet wurde, war kein ausgefülltes Formular. Gehen Sie zurück und versuchen Sie es noch einmal.
too-large-title = Die Datei ist zu groß
too-large-text = Die Datei darf höchstens 20 MB groß sein. Gehen Sie zurück und wählen Sie eine kleinere Datei, oder scannen Sie mit einer geringeren Auflösung.
error-title = Es ist ein Fehler aufgetreten
error-text = Versuchen Sie es in Kürze noch einmal. Rufen Sie uns an, wenn der Fehler bestehen bleibt.
back-home = Zur Startseite
a11y-title = Erklärung zur Barrierefreiheit
a11y-intro = Wir möchten, dass alle diese Seiten nutzen können. Die Seiten fallen unter das dänische Gesetz über die Barrierefreiheit der Websites und mobilen Anwendungen öffentlicher Stellen (webtilgængelighedsloven).
a11y-status-heading = Wie barrierefrei sind die Seiten?
a11y-status-text = Die Seiten sind nach WCAG 2.1 Stufe AA gestaltet. Jede Seite wird automatisch in einem echten Browser mit dem Werkzeug axe-core geprüft, auf Dänisch, Englisch und Deutsch, und jede Änderung muss diese Prüfung bestehen.
a11y-how-heading = So sind die Seiten gemacht
a11y-how-text = Alles funktioniert ohne JavaScript. Sie können die Seiten allein mit der Tastatur bedienen, den Text vergrößern und die Seiten mit einem Screenreader lesen. Oben auf jeder Seite können Sie zwischen Dänisch, Englisch und Deutsch wechseln.
a11y-feedback-heading = Haben Sie einen Fehler gefunden?
a11y-feedback-text = Schreiben Sie uns oder rufen Sie uns an, wenn etwas für Sie nicht funktioniert. Unsere Kontaktdaten finden Sie unten auf der Seite.
a11y-enforcement-heading = Beschwerde
a11y-enforcement-text = Die dänische Digitalisierungsbehörde (Digitaliseringsstyrelsen) überwacht die Barrierefreiheit öffentlicher Websites. Sie können sich dort beschweren, wenn Sie von uns keine zufriedenstellende Antwort erhalten.
a11y-enforcement-link = Beschwerde bei der Digitalisierungsbehörde einreichen

## Added with the move to Fluent

# A date in running text.
date = { $day }. { $month } { $year }
lang-switch-label = Sprache

# Notices and information requests (the status page)
stn-request-heading = Das benötigen wir von Ihnen
stn-request-by = Bitte antworten Sie bis
stn-request-intro = Wir warten auf Angaben von Ihnen, bevor wir Ihr Anliegen abschließend bearbeiten können. Sie können auf unsere Nachricht antworten oder sich an uns wenden.
stn-extended-to = Wir haben die Frist verschoben. Sie hören spätestens am { $date } von uns.

## ReplyWords (the texts a caseworker's reply starts from, in the citizen's language)

reply-acknowledgment = Vielen Dank für Ihre Anfrage, die wir erhalten haben. Sie hat das Aktenzeichen { $reference }. { $caseworker } bearbeitet sie, und Sie erhalten spätestens am { $date } eine Antwort.
reply-answer = Vielen Dank für Ihre Anfrage ({ $reference }).
reply-next-step = Wir bearbeiten Ihre Anfrage und melden uns, falls uns Angaben fehlen.
reply-decision = Wir haben Ihre Sache ({ $reference }) geprüft und folgende Entscheidung getroffen:
reply-information-request =
    Wir benötigen weitere Angaben, um Ihre Anfrage { $reference } bearbeiten zu können:

    { $needed }

    Bitte senden Sie uns diese bis zum { $date }. Sie können auf diese Nachricht antworten.
reply-extension-notice =
    Leider benötigen wir mehr Zeit für Ihre Anfrage { $reference }. Sie erhalten nun spätestens am { $date } eine Antwort.

    Der Grund: { $reason }
reply-greeting = Guten Tag { $name }
reply-greeting-anonymous = Guten Tag
reply-sign-off = Mit freundlichen Grüßen
reply-direct-phone = Direkte Telefonnummer { $phone }
reply-auto-acknowledgment = Vielen Dank für Ihre Anfrage, die wir erhalten haben. Sie hat das Aktenzeichen { $reference }; bitte geben Sie es an, wenn Sie sich an uns wenden. Sie erhalten spätestens am { $date } eine Antwort. Wir melden uns, falls uns Angaben fehlen.
reply-auto-acknowledgment-no-date = Vielen Dank für Ihre Anfrage, die wir erhalten haben. Sie hat das Aktenzeichen { $reference }; bitte geben Sie es an, wenn Sie sich an uns wenden. Wir melden uns, falls uns Angaben fehlen.
reply-automatic = Dies ist eine automatische Eingangsbestätigung.

# Status links: the receipt, "Link verloren?" and the messages that carry a link
lnk-receipt-expected = Sie erhalten eine Antwort spätestens am { $date }.
lnk-receipt-email = Wir senden den Link auch an { $email }, damit Sie ihn wiederfinden.
lnk-lost-title = Haben Sie den Link zu Ihrem Anliegen verloren?
lnk-lost-intro = Geben Sie die Referenznummer und die E-Mail-Adresse ein, die wir von Ihnen haben. Passen sie zu einem Anliegen, senden wir einen neuen Link an die E-Mail-Adresse, und die bisherigen Links funktionieren nicht mehr.
lnk-lost-reference = Referenznummer
lnk-lost-reference-hint = Sie steht in der Eingangsbestätigung und in unseren E-Mails, zum Beispiel HTK-2026-000123.
lnk-lost-email = E-Mail-Adresse
lnk-lost-submit = Neuen Link senden
lnk-lost-done-title = Vielen Dank, wir haben Ihre Anfrage erhalten
lnk-lost-done = Wenn die Referenznummer und die E-Mail-Adresse zu einem Anliegen passen, senden wir einen neuen Link an die E-Mail-Adresse, und die bisherigen Links funktionieren nicht mehr. Kommt keine E-Mail an, sehen Sie in Ihrem Spam-Ordner nach oder wenden Sie sich an uns.
lnk-lost-err-reference = Geben Sie die Referenznummer so ein, wie sie in der Eingangsbestätigung steht, zum Beispiel HTK-2026-000123.
lnk-lost-err-email = Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.
lnk-message-label = Link zu Ihrem Anliegen
lnk-confirmation-body = Vielen Dank für Ihr Anliegen. Wir haben es erhalten, und Sie können es über den Link unten verfolgen: wer es bearbeitet, wann Sie eine Antwort erwarten können und was wir Ihnen schreiben. Bewahren Sie diese E-Mail auf. Der Link ist persönlich, geben Sie ihn nicht weiter.
lnk-new-link-body = Sie haben einen neuen Link zu Ihrem Anliegen angefordert. Verwenden Sie den Link unten. Die bisherigen Links zu Ihrem Anliegen funktionieren nicht mehr. Der Link ist persönlich, geben Sie ihn nicht weiter.

## The DKFDS layout: the header, the footer and "Datenschutz und Cookies"

solution-name = Kontakt zur Gemeinde
footer-about = Über diese Seiten
nav-privacy = Datenschutz und Cookies
privacy-intro = Die Gemeinde ist für die Daten verantwortlich, die Sie uns auf diesen Seiten geben. Hier lesen Sie, was wir speichern, wie lange, und welche Cookies die Seiten verwenden.
privacy-data-heading = Was speichern wir?
privacy-data-text = Wenn Sie uns schreiben, speichern wir, was Sie in das Formular eingegeben haben: Betreff, Nachricht, Name, Kontaktdaten und Ihre CPR-Nummer, falls Sie sie angegeben haben. Wir verwenden die Daten, um Ihr Anliegen zu bearbeiten und Ihnen zu antworten. Nur die Mitarbeitenden der Gemeinde können sie sehen.
privacy-keep-heading = Wie lange speichern wir sie?
privacy-keep-text = Wir speichern Ihr Anliegen so lange, wie es die Regeln für die Aufbewahrung der Unterlagen der Gemeinde verlangen.
privacy-cookies-heading = Cookies
privacy-cookies-text = Die Seiten verwenden nur zwei Cookies, die beide für das Funktionieren der Seiten nötig sind: Das eine merkt sich ein Jahr lang Ihre Sprachwahl, das andere schützt die Formulare vor gefälschten Übermittlungen und wird gelöscht, wenn Sie den Browser schließen. Wir verwenden keine Cookies für Statistik oder Werbung und bitten Sie deshalb nicht um Ihre Einwilligung.
privacy-rights-heading = Ihre Rechte
privacy-rights-text = Sie haben das Recht, die Daten einzusehen, die wir über Sie haben, und falsche Daten berichtigen zu lassen. Wenden Sie sich an uns, wenn Sie Ihre Rechte wahrnehmen möchten; unsere Kontaktdaten finden Sie unten auf der Seite. Sie können sich bei der dänischen Datenschutzbehörde (Datatilsynet) über die Verarbeitung Ihrer Daten beschweren.

## /resultater: how well the promises were kept (results-*)
results-title = So halten wir unsere Versprechen
results-intro = Hier sehen Sie, wie viele der Fristen, die die Kommune Bürgerinnen, Bürgern und Unternehmen zugesagt hat, wir in den letzten zwölf Monaten eingehalten haben: für jedes Serviceziel, jeden Kanal, Monat für Monat und für jede Sachart.
results-period-label = Zeitraum:
results-updated-label = Die Zahlen wurden aktualisiert am
results-explain = Eine Frist zählt in dem Monat, in dem sie abgelaufen ist. „Rechtzeitig“ sind Fristen, die wir eingehalten haben. Der Anteil wird aus den entschiedenen Fristen berechnet (rechtzeitig, verspätet oder überschritten); noch laufende Fristen und Anfragen ohne etwas zu beantworten, etwa Spam, zählen nicht mit.
results-goals-heading = Serviceziele
results-channels-heading = Kanäle
results-months-heading = Monat für Monat
results-case-types-heading = Sacharten und Bearbeitungszeiten
results-col-goal = Serviceziel
results-col-channel = Kanal
results-col-month = Monat
results-col-case-type = Sachart
results-col-due = Entschiedene Fristen
results-col-on-time = Rechtzeitig
results-col-late = Verspätet
results-col-missed = Überschritten
results-col-share = Anteil rechtzeitig
results-col-target = Zielvorgabe
results-col-median = Typische Dauer (Arbeitstage)
results-col-p90 = 9 von 10 innerhalb (Arbeitstage)
results-none = Im Zeitraum ist keine Frist abgelaufen.
results-no-case-types = Die Kommune hat noch keine Bearbeitungsfristen für Sacharten veröffentlicht.
results-target-reached = erreicht
results-target-missed = nicht erreicht
results-target-open = nichts entschieden
results-download-heading = Die Zahlen herunterladen
results-download-intro = Dieselben Zahlen als offene Daten zur freien Verwendung.
results-csv = Die Zahlen als CSV (Tabelle)
results-json = Die Zahlen als JSON
results-goals-link = So halten wir unsere Versprechen
