# Frist: the citizen catalogue, da. Keys are kebab-case struct fields (see frist_i18n::words).

## Messages

months-1 = januar
months-2 = februar
months-3 = marts
months-4 = april
months-5 = maj
months-6 = juni
months-7 = juli
months-8 = august
months-9 = september
months-10 = oktober
months-11 = november
months-12 = december
skip-link = Gå til indhold
nav-label = Hovedmenu
nav-home = Forside
nav-write = Skriv til kommunen
nav-goals = Det kan du forvente af os
nav-accessibility = Tilgængelighedserklæring
footer-heading = Kontakt os
footer-address = Adresse
footer-phone = Telefon
footer-email = E-mail
footer-website = Hjemmeside
footer-cvr = CVR-nummer
front-intro = Her kan du skrive til kommunen, følge din henvendelse og læse, hvad du kan forvente af os.
front-write-text = Stil et spørgsmål, send en ansøgning eller giv os besked. Du får en kvittering med et link, hvor du kan følge din henvendelse.
front-goals-text = Vores servicemål: hvornår du kan forvente svar, og hvornår vi har åbent.
front-accessibility-text = Hvordan vi sikrer, at alle kan bruge disse sider.
write-title = Skriv til kommunen
write-intro = Udfyld felterne, og tryk på Send. Du får et referencenummer og et link, hvor du kan følge din henvendelse.
required-mark = (skal udfyldes)
optional-mark = (frivilligt)
field-unit = Hvem skal have din henvendelse?
unit-unknown = Ved ikke – Borgerservice sender den videre
field-kind = Hvad drejer det sig om?
kind-general-question = Et spørgsmål
kind-application = En ansøgning
kind-complaint = En klage
kind-information = En oplysning til kommunen
kind-other = Andet
field-subject = Emne
subject-hint = Skriv kort, hvad det handler om.
field-message = Din besked
field-name = Dit navn
contact-legend = Hvordan kan vi kontakte dig?
contact-hint = Skriv din e-mail, dit telefonnummer eller begge dele.
field-email = E-mail
field-phone = Telefonnummer
field-cpr = CPR-nummer
cpr-notice = Du behøver ikke skrive dit CPR-nummer. Gør du det, sender vi svar, der indeholder dit CPR-nummer, med Digital Post og ikke med e-mail.
submit = Send
error-summary-title = Der er et problem
error-prefix = Fejl:
err-subject-missing = Skriv et emne.
err-subject-too-long = Emnet må højst være 200 tegn.
err-message-missing = Skriv din besked.
err-message-too-long = Beskeden må højst være 20.000 tegn.
err-name-missing = Skriv dit navn.
err-name-too-long = Navnet må højst være 200 tegn.
err-contact-missing = Skriv din e-mail eller dit telefonnummer, så vi kan svare dig.
err-email-invalid = Skriv en e-mailadresse som navn@eksempel.dk.
err-phone-invalid = Skriv et telefonnummer med mindst 8 cifre.
err-cpr-invalid = Skriv CPR-nummeret som 10 cifre (ddmmåå-xxxx), eller lad feltet være tomt.
err-unit-unknown = Vælg en modtager fra listen.
err-kind-unknown = Vælg, hvad det drejer sig om.
receipt-title = Tak, vi har modtaget din henvendelse
receipt-reference = Dit referencenummer
receipt-status-heading = Følg din henvendelse
receipt-status-text = Gem linket herunder. Det er din adgang til at følge henvendelsen, og vi viser det kun denne ene gang.
receipt-status-link = Se status for din henvendelse
receipt-goals-text = Læs, hvornår du kan forvente svar
status-title = Status for din henvendelse
status-reference = Referencenummer
status-subject = Emne
status-received = Modtaget
status-state = Status
state-new = Modtaget. Vi har endnu ikke åbnet din henvendelse.
state-open = Under behandling.
state-awaiting = Vi venter på svar fra dig.
state-answered = Besvaret.
state-closed = Afsluttet.
status-caseworker = Sagsbehandler
status-contact = Kontakt
status-next-step = Næste skridt
status-expected = Forventet svar
status-messages = Beskeder fra kommunen
status-no-messages = Vi har ikke sendt dig beskeder om denne henvendelse endnu.
status-notes = Noter om din henvendelse
msg-acknowledgment = Kvittering
msg-answer = Svar
msg-decision = Afgørelse
msg-extension = Ny svarfrist
msg-information-request = Vi beder om oplysninger
msg-other = Besked
feedback-heading = Hvad synes du om vores service?
feedback-legend = Hvor tilfreds er du med den måde, vi har behandlet din henvendelse på?
feedback-scores-1 = 1 – Meget utilfreds
feedback-scores-2 = 2 – Utilfreds
feedback-scores-3 = 3 – Hverken tilfreds eller utilfreds
feedback-scores-4 = 4 – Tilfreds
feedback-scores-5 = 5 – Meget tilfreds
feedback-comment = Kommentar
feedback-submit = Send din vurdering
feedback-thanks = Tak for din vurdering. Vi bruger den til at blive bedre.
err-score-missing = Vælg et tal fra 1 til 5.
err-comment-too-long = Kommentaren må højst være 2.000 tegn.
not-found-title = Siden findes ikke
not-found-text = Vi kan ikke finde den side, du leder efter. Tjek, at adressen er skrevet rigtigt.
forbidden-title = Vi kunne ikke modtage formularen
forbidden-text = Formularen var udløbet, eller din browser sendte den uden den nødvendige cookie. Gå tilbage, genindlæs siden, og prøv igen.
not-allowed-title = Du har ikke adgang til siden
not-allowed-text = Siden er for teamledere og administratorer. Spørg din leder, hvis du har brug for adgang.
bad-request-title = Formularen kunne ikke læses
bad-request-text = Det, der blev sendt, var ikke en udfyldt formular. Gå tilbage, og prøv igen.
too-large-title = Filen er for stor
too-large-text = Filen må højst fylde 20 MB. Gå tilbage, og vælg en mindre fil, eller scan med lavere opløsning.
error-title = Der skete en fejl
error-text = Prøv igen om lidt. Ring til os, hvis det bliver ved.
back-home = Gå til forsiden
a11y-title = Tilgængelighedserklæring
a11y-intro = Vi vil gerne have, at alle kan bruge disse sider. Siderne er omfattet af lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).
a11y-status-heading = Hvor tilgængelige er siderne?
a11y-status-text = Siderne er lavet efter WCAG 2.1 niveau AA. Hver side testes automatisk i en rigtig browser med værktøjet axe-core, på dansk, engelsk og tysk, og hver ændring skal bestå testen.
a11y-how-heading = Sådan er siderne lavet
a11y-how-text = Alt virker uden JavaScript. Du kan bruge tastaturet alene, forstørre teksten og læse siderne med skærmlæser. Sproget kan skiftes mellem dansk, engelsk og tysk øverst på hver side.
a11y-feedback-heading = Fandt du en fejl?
a11y-feedback-text = Skriv eller ring til os, hvis noget ikke virker for dig. Du finder vores kontaktoplysninger nederst på siden.
a11y-enforcement-heading = Klage
a11y-enforcement-text = Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder er tilgængelige. Du kan klage til dem, hvis du ikke får et tilfredsstillende svar fra os.
a11y-enforcement-link = Klag til Digitaliseringsstyrelsen

## Added with the move to Fluent

# A date in running text.
date = { $day }. { $month } { $year }
lang-switch-label = Sprog

# Notices and information requests (the status page)
stn-request-heading = Det har vi brug for fra dig
stn-request-by = Svar senest
stn-request-intro = Vi venter på oplysninger fra dig, før vi kan behandle din henvendelse færdig. Du kan svare på den besked, vi har sendt dig, eller kontakte os.
stn-extended-to = Vi har flyttet fristen. Du hører fra os senest { $date }.

## ReplyWords (the texts a caseworker's reply starts from, in the citizen's language)

reply-acknowledgment = Tak for din henvendelse, som vi har modtaget. Den har referencenummer { $reference }. { $caseworker } behandler den, og du kan forvente svar senest { $date }.
reply-answer = Tak for din henvendelse ({ $reference }).
reply-next-step = Vi behandler din henvendelse og kontakter dig, hvis vi mangler oplysninger.
reply-decision = Vi har behandlet din sag ({ $reference }) og har truffet denne afgørelse:
reply-information-request =
    Vi har brug for flere oplysninger for at kunne behandle din henvendelse { $reference }:

    { $needed }

    Send dem venligst senest { $date }. Du kan svare på denne besked.
reply-extension-notice =
    Vi har desværre brug for mere tid til din henvendelse { $reference }. Du kan nu forvente svar senest { $date }.

    Begrundelse: { $reason }
reply-greeting = Kære { $name }
reply-greeting-anonymous = Kære borger
reply-sign-off = Venlig hilsen
reply-direct-phone = Direkte telefon { $phone }
reply-auto-acknowledgment = Tak for din henvendelse, som vi har modtaget. Den har sagsnummer { $reference }, som du kan henvise til, hvis du kontakter os. Du kan forvente svar senest { $date }. Vi kontakter dig, hvis vi mangler oplysninger.
reply-auto-acknowledgment-no-date = Tak for din henvendelse, som vi har modtaget. Den har sagsnummer { $reference }, som du kan henvise til, hvis du kontakter os. Vi kontakter dig, hvis vi mangler oplysninger.
reply-automatic = Dette er en automatisk kvittering.

# Status links: the receipt, "Har du mistet dit link?" and the messages that carry a link
lnk-receipt-expected = Du kan forvente svar senest { $date }.
lnk-receipt-email = Vi sender også linket til { $email }, så du kan finde det igen.
lnk-lost-title = Har du mistet linket til din henvendelse?
lnk-lost-intro = Skriv referencenummeret og den e-mailadresse, vi har fra dig. Passer de til en henvendelse, sender vi et nyt link til e-mailadressen, og de tidligere links holder op med at virke.
lnk-lost-reference = Referencenummer
lnk-lost-reference-hint = Det står i kvitteringen og i vores e-mails, for eksempel HTK-2026-000123.
lnk-lost-email = E-mailadresse
lnk-lost-submit = Send mig et nyt link
lnk-lost-done-title = Tak, vi har modtaget din anmodning
lnk-lost-done = Hvis referencenummeret og e-mailadressen passer til en henvendelse, sender vi et nyt link til e-mailadressen, og de tidligere links holder op med at virke. Kommer der ingen e-mail, så kig i din spam-mappe, eller kontakt os.
lnk-lost-err-reference = Skriv referencenummeret, som det står i kvitteringen, for eksempel HTK-2026-000123.
lnk-lost-err-email = Skriv en e-mailadresse, for eksempel navn@eksempel.dk.
lnk-message-label = Link til din henvendelse
lnk-confirmation-body = Tak for din henvendelse. Vi har modtaget den, og du kan følge den via linket herunder: hvem der behandler den, hvornår du kan forvente svar, og hvad vi skriver til dig. Gem denne e-mail. Linket er personligt, så del det ikke med andre.
lnk-new-link-body = Du har bedt om et nyt link til din henvendelse. Brug linket herunder. De tidligere links til henvendelsen virker ikke længere. Linket er personligt, så del det ikke med andre.

## The DKFDS layout: the header, the footer and "Privatliv og cookies"

solution-name = Kontakt kommunen
footer-about = Om siderne
nav-privacy = Privatliv og cookies
privacy-intro = Kommunen er dataansvarlig for de oplysninger, du giver os på disse sider. Her kan du læse, hvad vi gemmer, hvor længe, og hvilke cookies siderne bruger.
privacy-data-heading = Hvad gemmer vi?
privacy-data-text = Når du skriver til os, gemmer vi det, du har skrevet i formularen: emne, besked, navn, kontaktoplysninger og dit CPR-nummer, hvis du har skrevet det. Vi bruger oplysningerne til at behandle din henvendelse og svare dig. Kun kommunens medarbejdere kan se dem.
privacy-keep-heading = Hvor længe gemmer vi dem?
privacy-keep-text = Vi gemmer henvendelsen, så længe reglerne for opbevaring af kommunens sager kræver det.
privacy-cookies-heading = Cookies
privacy-cookies-text = Siderne bruger kun to cookies, og begge er nødvendige, for at siderne virker: den ene husker dit valg af sprog i et år, den anden beskytter formularerne mod forfalskede indsendelser og slettes, når du lukker browseren. Vi bruger ingen cookies til statistik eller markedsføring, og derfor beder vi dig ikke om samtykke.
privacy-rights-heading = Dine rettigheder
privacy-rights-text = Du har ret til at se de oplysninger, vi har om dig, og til at få forkerte oplysninger rettet. Kontakt os, hvis du vil bruge dine rettigheder. Du finder vores kontaktoplysninger nederst på siden. Du kan klage til Datatilsynet over den måde, vi behandler dine oplysninger på.

## /resultater: how well the promises were kept (results-*)
results-title = Sådan holder vi vores løfter
results-intro = Her kan du se, hvor mange af de frister, kommunen har lovet borgere og virksomheder, vi overholdt de seneste tolv måneder: for hvert servicemål, for hver kanal, måned for måned og for hver sagstype.
results-period-label = Periode:
results-updated-label = Tallene er opdateret
results-explain = En frist tæller i den måned, den udløb. "Til tiden" er frister, vi holdt. Andelen regnes af de frister, der er afgjort (til tiden, for sent eller overskredet); frister, der stadig løber, og henvendelser uden noget at svare på, fx spam, tæller ikke med.
results-goals-heading = Servicemål
results-channels-heading = Kanaler
results-months-heading = Måned for måned
results-case-types-heading = Sagstyper og sagsbehandlingstider
results-col-goal = Servicemål
results-col-channel = Kanal
results-col-month = Måned
results-col-case-type = Sagstype
results-col-due = Afgjorte frister
results-col-on-time = Til tiden
results-col-late = For sent
results-col-missed = Overskredet
results-col-share = Andel til tiden
results-col-target = Målsætning
results-col-median = Typisk tid (arbejdsdage)
results-col-p90 = 9 ud af 10 inden for (arbejdsdage)
results-none = Ingen frister udløb i perioden.
results-no-case-types = Kommunen har endnu ikke offentliggjort sagsbehandlingsfrister for sagstyper.
results-target-reached = nået
results-target-missed = ikke nået
results-target-open = intet afgjort
results-download-heading = Hent tallene
results-download-intro = De samme tal som åbne data, som du frit kan bruge.
results-csv = Tallene som CSV (regneark)
results-json = Tallene som JSON
results-goals-link = Se, hvordan vi holder løfterne
