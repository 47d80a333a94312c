# Frist: the staff catalogue, da. Keys are kebab-case struct fields (see frist_i18n::words).

## StaffMessages

# "Due today at {time}" for the queue.
due-today-at = Frist i dag kl. { $time }
nav-label = Sagsbehandling
nav-queue = Sager
nav-desk = Skranke og telefon
nav-absence = Fravær
nav-flagged = Post til kontrol
nav-dashboard = Overblik
nav-admin = Administration
signed-in-as = Logget ind som
logout = Log ud
login-title = Log ind
login-intro = Log ind med dit brugernavn og din adgangskode for at se og behandle henvendelser.
field-username = Brugernavn
field-password = Adgangskode
login-submit = Log ind
login-failed = Forkert brugernavn eller adgangskode
login-throttled = For mange mislykkede forsøg med dette brugernavn. Vent et kvarter, og prøv igen, eller bed en administrator om hjælp.
queue-title = Sager
tabs-label = Vis sager
tab-mine = Mine
tab-unit = Min enhed
tab-all = Alle
caption-mine = Sager tildelt dig, nærmeste frist først
caption-unit = Sager i din enhed, nærmeste frist først
caption-all = Alle sager, nærmeste frist først
col-reference = Reference
col-subject = Emne
col-channel = Kanal
col-unit = Enhed
col-caseworker = Sagsbehandler
col-time-left = Tid tilbage
col-status = Status
queue-empty = Der er ingen sager her.
filter-legend = Afgræns listen
filter-deadline = Frist
deadline-any = Alle
deadline-breached = Overskredet
deadline-today = Senest i dag
deadline-risk = Senest næste arbejdsdag
filter-state = Status
state-any = Alle
filter-unit = Afdeling
unit-any = Alle afdelinger
filter-button = Vis
filtered-empty = Ingen henvendelser passer til afgrænsningen.
no-unit = Du er ikke knyttet til en enhed. Vælg Mine eller Alle.
next-page = Næste side
first-page = Første side
label-overdue = Overskredet
label-due-today = Forfalder i dag
label-at-risk = I fare
label-on-track = I god tid
label-none = Ingen frist
unassigned = Ikke tildelt
absent-with-substitute = { $name } (fraværende til og med { $date }; stedfortræder: { $substitute })
absent-without-substitute = { $name } (fraværende til og med { $date })
no-unit-value = Ingen enhed
inquiry-title = Henvendelse
back-to-queue = Tilbage til sagerne
facts-heading = Oplysninger
received = Modtaget
state = Tilstand
state-new = Ny
state-open = Åben
state-awaiting = Afventer borgeren
state-closed = Lukket
answered = Besvaret
sender-heading = Afsender
sender-name = Navn
sender-email = E-mail
sender-phone = Telefon
sender-cpr = CPR-nummer
reveal-cpr = Vis CPR-nummer
reveal-logged = CPR-nummeret vises, og visningen er logget.
body-heading = Henvendelsen
body-logged = Din visning af henvendelsen er logget.
obligations-heading = Frister
obligations-caption = Frister efter servicemålene
col-goal = Servicemål
col-requirement = Krav
col-due = Frist
col-state = Status
ob-pending = Åben
ob-met = Opfyldt
ob-met-late = Opfyldt for sent
ob-breached = Overskredet
ob-paused = Sat i bero
ob-waived = Bortfaldet
timeline-heading = Forløb
by = af
citizen = borgeren
ev-received = Modtaget
ev-opened = Åbnet
ev-assigned = Tildelt
ev-message-queued = Besked lagt i udbakken
ev-message-failed = Besked kunne ikke sendes – udbakken har opgivet den
ev-message-sent = Besked sendt
ev-message-received = Borgeren skrev igen
ev-callback = Ringet op
ev-callback-attempted = Forsøgt ringet op (borgeren blev ikke truffet)
ev-note = Note
ev-referred = Videresendt
ev-handed-over = Overdraget
ev-awaiting-started = Venter på borgeren
ev-awaiting-ended = Borgeren har svaret
ev-extended = Frist forlænget
ev-reclassified = Omklassificeret
ev-error = Fejl registreret
ev-feedback = Vurdering fra borgeren
ev-closed = Lukket
ev-reopened = Genåbnet
assign-button = Åbn og tildel mig
assigned-notice = Henvendelsen er tildelt dig.
reply-heading = Send kvittering eller svar
field-kind = Type
kind-acknowledgment = Kvittering
kind-answer = Svar
kind-decision = Afgørelse
field-channel = Kanal
field-body = Tekst til borgeren
field-caseworker = Sagsbehandler
field-contact = Kontakt
contact-hint = Hvem borgeren kan kontakte: navn, telefon eller e-mail.
field-next-step = Næste skridt
field-expected = Forventet svar
expected-hint = Dato som ÅÅÅÅ-MM-DD. Udfyldt med fristen for svar.
field-appealable = Afgørelsen kan påklages
complaint-legend = Klagevejledning
complaint-hint = Skal udfyldes, når afgørelsen kan påklages.
field-complaint-body = Klageinstans
field-complaint-how = Sådan klager man
field-complaint-deadline = Klagefrist
send-button = Send besked
rules-title = Beskeden er ikke sendt
rules-intro = Ret følgende, og send igen:
warnings-title = Bemærk
live-blocked-title = Beskeden kan ikke sendes endnu
live-ok = Beskeden overholder reglerne.
sent-notice = Beskeden er sendt og står nu i forløbet.
# After a message went into the outbox and a delivery for its channel is configured.
queued-notice = Beskeden er lagt i udbakken og sendes nu. Forløbet viser den som sendt, så snart modtagerens system har taget imod den.
# After a message went into the outbox but nothing delivers its channel on this server.
queued-undelivered-notice = Beskeden er gemt i udbakken, men den er ikke sendt: der er ikke sat forsendelse op for denne kanal (fx e-mail/SMTP) på serveren. Den sendes, når det er gjort. Kontakt jeres it-afdeling.
# The inquiry holds no address for the chosen channel.
err-no-recipient = Afsenderen har ikke oplyst en adresse til den valgte kanal. Vælg en anden kanal.
err-caseworker = Vælg sagsbehandleren fra listen.
caseworker-hint = Beskeden underskrives med sagsbehandlerens navn, enhed og direkte telefonnummer fra medarbejderoversigten.
err-no-postal-address = Brevet kan ikke sendes: der er ingen postadresse på afsenderen. Vælg en anden kanal, eller ring til borgeren. Intet er sendt.
err-no-email-address = Der er ingen e-mailadresse på afsenderen. Vælg en anden kanal. Intet er sendt.
err-no-cpr-or-cvr = Digital Post kræver afsenderens CPR- eller CVR-nummer, og henvendelsen har ingen af dem. Vælg en anden kanal. Intet er sendt.
err-body-missing = Skriv en tekst til borgeren.
err-kind = Vælg en type.
err-channel = Vælg en kanal.
err-expected = Skriv datoen som ÅÅÅÅ-MM-DD, eller lad feltet være tomt.
err-refused = Henvendelsen kan ikke modtage beskeden i sin nuværende tilstand (den er måske lukket).
actions-heading = Handlinger
scans-heading = Scannet post
scans-caption = Scanninger af brevet
col-file = Fil
col-size = Størrelse
col-uploaded = Tilføjet
scan-upload-label = Tilføj en scanning af brevet
scan-hint = PDF, JPEG, PNG eller TIFF, højst 20 MB. Hver visning logges.
scan-button = Gem scanningen
scan-added-notice = Scanningen er gemt.
letter-registered-notice = Brevet er registreret. Tilføj scanningen herunder.
ref-scan-missing = Vælg en fil med scanningen.
ref-scan-type = Scanningen skal være en PDF-, JPEG-, PNG- eller TIFF-fil.
ref-scan-unreadable = Filen kunne ikke modtages. Den må højst fylde 20 MB.
outgoing-heading = Udgående beskeder
outgoing-caption = Beskeder, der sendes eller er sendt til borgeren
col-attempts = Forsøg
col-note = Bemærkning
out-queued = I kø
out-sending = Sendes
out-sent = Sendt
out-failed = Ikke sendt
out-uncertain = Uvist, om den kom frem
out-retry = Send igen
out-confirm = Den kom frem
out-technical = (Teknisk besked til it-afdelingen: { $error })
out-failed-explained = Modtagerens system tog ikke imod beskeden, og Frist har opgivet at sende den. Ret adressen eller vælg en anden kanal, eller send den igen.
out-uncertain-explained = Afsendelsen blev afbrudt, så det er uvist, om borgeren har fået beskeden. Tjek det, før du sender den igen.
out-retrying = Beskeden kunne ikke sendes endnu. Frist prøver igen { $when }.
requeued-notice = Beskeden er sat i kø til at blive sendt igen.
confirmed-notice = Beskeden er registreret som sendt.
messenger-heading = Messenger
error-legend = Registrér en fejl
error-hint = Fx en overset frist eller et svar til den forkerte modtager. Fejl tælles med i rapporterne.
error-button = Registrér fejl
error-notice = Fejlen er registreret.
extend-legend = Forlæng en frist
extend-hint = Borgeren får en besked med den nye dato og begrundelsen, med den kanal svaret ellers ville gå med.
field-extend-which = Frist
field-extend-date = Ny frist
field-extend-reason = Begrundelse til borgeren
extend-button = Forlæng og giv besked
extended-notice = Fristen er forlænget.
ref-extension-not-later = Den nye frist skal ligge efter den nuværende.
ref-no-such-obligation = Fristen er allerede opfyldt, eller den findes ikke. Vælg en åben frist.
ref-not-working-day = Den nye frist skal være en arbejdsdag.
ref-extension-date = Skriv den nye frist som en dato, fx 2026-12-04.
ref-extension-reason = Skriv en begrundelse til borgeren.
ref-extension-rules = Beskeden om forlængelsen opfylder ikke servicemålene. Skriv en begrundelse og vælg en dato.
note-legend = Tilføj en note
field-note-visible = Synlig for borgeren
note-button = Gem note
field-hand-over = Overdrag til kollega
hand-over-button = Overdrag
field-refer = Videresend til enhed
refer-button = Videresend
await-hint = Frister, der kan sættes i bero, tæller ikke, mens vi venter på borgeren.
await-button = Bed borgeren om oplysninger
await-end-button = Borgeren har svaret
field-close-reason = Årsag til lukning
close-answered = Besvaret
close-handed-over = Overdraget
close-withdrawn = Trukket tilbage
close-duplicate = Dublet
close-spam = Spam
close-button = Luk henvendelsen
action-refused-title = Handlingen er ikke udført
noted-notice = Noten er gemt og står nu i forløbet.
handed-over-notice = Henvendelsen er overdraget.
referred-notice = Henvendelsen er videresendt.
awaiting-notice = Henvendelsen venter nu på borgeren.
awaiting-ended-notice = Borgeren har svaret, og fristerne tæller igen.
closed-notice = Henvendelsen er lukket.
ref-closed = Henvendelsen er lukket. Genåbn den først.
ref-already-awaiting = Henvendelsen venter allerede på borgeren.
ref-not-awaiting = Henvendelsen venter ikke på borgeren.
ref-close-without-answer = Henvendelsen kan ikke lukkes som besvaret, før der er sendt et svar eller en afgørelse.
ref-close-without-hand-over = Henvendelsen kan ikke lukkes som overdraget, før den er overdraget til en navngiven kollega.
ref-empty-note = Skriv en tekst i noten.
ref-unknown-colleague = Vælg en kollega fra listen.
ref-unknown-unit = Vælg en enhed fra listen.
ref-close-reason = Vælg en årsag til lukningen.
ref-other = Henvendelsen kan ikke tage imod handlingen i sin nuværende tilstand.
days-left =
    { $n ->
        [one] { $n } arbejdsdag tilbage
       *[other] { $n } arbejdsdage tilbage
    }
days-over =
    { $n ->
        [one] { $n } arbejdsdag over fristen
       *[other] { $n } arbejdsdage over fristen
    }
hours-left =
    { $n ->
        [one] { $n } time tilbage
       *[other] { $n } timer tilbage
    }
hours-over =
    { $n ->
        [one] { $n } time over fristen
       *[other] { $n } timer over fristen
    }

## DeskWords

desk-title = Skranke og telefon
desk-intro = Registrér en telefonbesked eller et personligt fremmøde, så fristen begynder at løbe og ingen henvendelse bliver glemt.
desk-search-heading = Find tidligere henvendelser
desk-search-label = Telefonnummer, e-mailadresse eller navn
desk-search-hint = Fx 43 59 10 00, navn@eksempel.dk eller begyndelsen af navnet.
desk-search-button = Søg
desk-search-too-short = Skriv mindst to tegn.
desk-found =
    { $n ->
        [one] { $n } henvendelse fra samme person
       *[other] { $n } henvendelser fra samme person, nyeste først
    }
desk-found-none = Ingen tidligere henvendelser fundet.
desk-register-heading = Registrér en henvendelse
desk-how-legend = Hvordan kom henvendelsen?
desk-how-phone = Telefon – borgeren skal ringes op
desk-how-visit = Personligt fremmøde
desk-how-letter = Brev på papir – scanningen tilføjes bagefter
desk-field-name = Navn
desk-field-phone = Telefonnummer
desk-phone-hint = Skal udfyldes ved telefonbeskeder, så vi kan ringe tilbage.
desk-field-email = E-mailadresse
desk-field-postal-address = Postadresse
desk-postal-address-hint = Gade og nummer, postnummer og by, hver på sin linje. Skal med, hvis svaret skal sendes som brev.
desk-field-subject = Hvad drejer det sig om?
desk-field-body = Besked
desk-body-hint = Det vigtigste fra samtalen, med borgerens egne ord hvor det giver mening.
desk-field-unit = Afdeling
desk-unit-none = Ikke fordelt endnu
desk-field-kind = Type
desk-handled-label = Klaret under samtalen
desk-handled-hint = Sæt kun kryds, hvis borgeren fik svar med det samme og ikke skal ringes op.
desk-submit = Registrér
desk-registered-title = Registreret
# "{reference}" is replaced.
desk-registered-text = Henvendelsen har fået nummer { $reference }.
desk-open-inquiry = Åbn henvendelsen
desk-err-subject = Skriv, hvad henvendelsen drejer sig om.
desk-err-phone = Skriv et telefonnummer, vi kan ringe tilbage til.
desk-err-how = Vælg, om det var telefon eller personligt fremmøde.
desk-err-unit = Vælg en afdeling fra listen.
desk-err-kind = Vælg en type fra listen.
desk-handled-note = Klaret under samtalen ved registreringen.
# Desk case type (actions: classification where the work happens)
desk-field-case-type = Sagstype
desk-case-type-hint = Kun hvis henvendelsen hører til en af kommunens sagstyper med egen behandlingstid.
desk-case-type-none = Ingen sagstype
desk-err-case-type = Vælg en sagstype fra listen.

## AbsenceWords

absence-title = Fravær
absence-intro = Meld dig selv eller en kollega fraværende. Mens fraværet varer, viser åbne henvendelser stedfortræderen, og post til den fraværendes egen postkasse går til stedfortræderen.
absence-form-heading = Meld fravær
absence-field-who = Hvem er fraværende?
absence-me = mig selv
absence-field-until = Fraværende til og med
absence-until-hint = Den sidste dag med fravær.
absence-field-substitute = Stedfortræder
absence-substitute-hint = Kollegaen, der tager sig af henvendelserne imens.
absence-no-substitute = Ingen stedfortræder
absence-submit = Gem fravær
absence-saved = Fraværet er gemt.
absence-ended = Fraværet er afsluttet.
absence-list-heading = Fraværende nu
absence-list-caption = Kolleger, der er fraværende i dag eller senere
absence-nobody = Ingen er meldt fraværende.
absence-col-who = Medarbejder
absence-col-until = Til og med
absence-col-substitute = Stedfortræder
absence-col-inquiries = Henvendelser
absence-show-inquiries = Vis henvendelserne
absence-end-button = Afslut fravær
absence-err-who = Vælg en medarbejder fra listen.
absence-err-until = Skriv datoen som åååå-mm-dd, fx 2026-12-04.
absence-err-until-past = Datoen er passeret. Vælg i dag eller en senere dag.
absence-err-substitute = Vælg en stedfortræder fra listen.
absence-err-substitute-self = Stedfortræderen skal være en anden end den fraværende.

## AdminWords

admin-title = Administration
admin-intro = Afdelinger med deres fælles postkasse og telefon, medarbejdere med adgang til Frist, og den servicemålspolitik, Frist håndhæver.
admin-units-heading = Afdelinger
admin-units-caption = Afdelinger og deres postkasser
admin-no-units = Der er ingen afdelinger endnu.
admin-col-id = Kode
admin-col-name = Navn
admin-col-email = Postkasse
admin-col-phone = Telefon
admin-unit-form = Opret eller ret en afdeling
admin-unit-form-hint = En afdeling med en kode, der findes i forvejen, bliver rettet.
admin-field-unit-id = Kode
admin-unit-id-hint = Små bogstaver, tal og bindestreg, fx borgerservice.
admin-field-name = Navn
admin-field-mailbox = Postkasse (e-mail)
admin-field-phone = Telefon
admin-save-unit = Gem afdeling
admin-unit-saved = Afdelingen er gemt.
admin-staff-heading = Medarbejdere
admin-staff-caption = Medarbejdere med adgang til Frist
admin-col-username = Brugernavn
admin-col-role = Rolle
admin-col-unit = Afdeling
admin-staff-form = Opret en medarbejder
admin-field-username = Brugernavn
admin-username-hint = Bruges til at logge ind, fx mette.hansen.
admin-field-role = Rolle
admin-role-caseworker = Sagsbehandler
admin-role-lead = Teamleder
admin-role-admin = Administrator
admin-field-unit = Afdeling
admin-no-unit = Ingen afdeling
admin-field-password = Første adgangskode
admin-password-hint = Mindst 12 tegn. Giv den til medarbejderen ad en sikker vej.
admin-save-staff = Opret medarbejder
admin-staff-saved = Medarbejderen er oprettet.
admin-policy-heading = Servicemålspolitik
admin-policy-intro = Den politikfil, nye henvendelser modtages under. Den kan kun ændres i filen, som Frist startes med; ældre henvendelser beholder den version, de blev modtaget under.
admin-err-unit-id = Skriv en kode med små bogstaver, tal og bindestreg.
admin-err-name = Skriv et navn.
admin-err-username = Skriv et brugernavn med bogstaver, tal, punktum, bindestreg eller understregning.
admin-err-username-taken = Brugernavnet er allerede i brug.
admin-err-role = Vælg en rolle fra listen.
admin-err-unit = Vælg en afdeling fra listen.
admin-err-password = Adgangskoden skal have mindst 12 tegn.

## LeadWords

lead-title = Overblik
lead-intro = Hvordan det går med fristerne lige nu, og hvor godt vi har holdt vores løfter måned for måned.
lead-now-heading = Lige nu
lead-breached = Overskredet
lead-due-today = Forfalder i dag
lead-at-risk = I fare
lead-at-risk-hint = forfalder næste arbejdsdag
lead-open = Åbne henvendelser
lead-show-list = Vis listen
lead-load-heading = Belastning pr. sagsbehandler
lead-load-caption = Åbne henvendelser pr. sagsbehandler, efter hvor presserende den nærmeste frist er
lead-col-caseworker = Sagsbehandler
lead-unassigned = Ikke fordelt
lead-absent-until = Fraværende til
lead-substitute = stedfortræder
lead-compliance-heading = Overholdelse af servicemålene
# "{month}" is replaced by the month's name and year.
lead-compliance-intro = Frister med forfald i { $month }. Andelen til tiden regnes af de frister, der er opfyldt eller overskredet; frister, der endnu ikke er forfaldet, afventer.
lead-by-goal-caption = Overholdelse pr. servicemål
lead-by-channel-caption = Overholdelse pr. kanal
lead-col-goal = Servicemål
lead-col-channel = Kanal
lead-col-total = Frister
lead-col-met = Til tiden
lead-col-met-late = For sent
lead-col-breached = Overskredet
lead-col-pending = Afventer
lead-col-on-time = Andel til tiden
lead-col-median = Median (arbejdsdage)
lead-nothing-due = Ingen frister forfaldt i den valgte måned (endnu).
lead-not-measured = –
lead-month-label = Måned
lead-month-show = Vis
lead-csv = Hent tabellerne som CSV
lead-col-target = Målsætning
lead-target-reached = nået
lead-target-missed = ikke nået
lead-by-case-type-caption = Overholdelse pr. sagstype
lead-col-case-type = Sagstype
lead-no-case-type = Ingen sagstype
lead-overall-heading = Holder vi vores løfter?
lead-overall-label = af fristerne med forfald i { $month } blev holdt
lead-overall-target = Målsætningen for alle frister er { $target }:
lead-overall-no-target = Servicemålene sætter ikke en samlet målsætning (den sættes med target under [reporting] i politikfilen).
lead-goals-reached = { $reached } af { $total } servicemål med en målsætning nåede den.
lead-overall-nothing = Ingen frister med forfald i { $month } er opfyldt eller overskredet endnu.
lead-trend-heading = Udviklingen de seneste 12 måneder
lead-trend-intro = Andelen af fristerne holdt til tiden pr. måned for hvert servicemål. Den stiplede linje er målsætningen. Tabellen under graferne har de samme tal.
lead-trend-chart-label = Andel til tiden pr. måned for { $goal }
lead-trend-table-caption = Andel til tiden pr. måned og servicemål
lead-col-month = Måned
lead-list-title = Fristerne bag tallet
lead-list-all = Alle
lead-col-reference = Henvendelse
lead-col-due = Frist
lead-col-met-at = Opfyldt
lead-col-state = Status
lead-col-outcome = Udfald
lead-col-waived = Bortfaldet
lead-list-empty = Der er ingen frister bag dette tal.
lead-next-page = Næste side
lead-back = Tilbage til overblikket
lead-months-1 = januar
lead-months-2 = februar
lead-months-3 = marts
lead-months-4 = april
lead-months-5 = maj
lead-months-6 = juni
lead-months-7 = juli
lead-months-8 = august
lead-months-9 = september
lead-months-10 = oktober
lead-months-11 = november
lead-months-12 = december

## ActionWords (actions: call back, reclassify, closed and reopen, next inquiry)

act-callback-legend = Ringet tilbage – blev borgeren truffet?
act-callback-reached = Ja, vi talte sammen
act-callback-no-answer = Nej, der blev ikke taget telefonen
act-callback-busy = Nej, der var optaget
act-callback-voicemail = Nej, jeg lagde en besked på telefonsvareren
act-field-callback-summary = Kort referat
act-callback-summary-hint = Valgfrit. Fx hvad borgeren fik at vide.
act-callback-button = Registrér opkaldet
act-callback-completed-notice = Opkaldet er registreret, og fristen for at ringe tilbage er overholdt.
act-callback-attempted-notice = Forsøget er registreret. Borgeren er ikke truffet, så fristen for at ringe tilbage gælder stadig.
act-ref-callback-outcome = Vælg, om borgeren blev truffet.
act-classify-legend = Hvad drejer henvendelsen sig om?
act-ask-heading = Hvad drejer henvendelsen sig om?
act-ask-intro = Henvendelsen er ikke klassificeret endnu. Vælg, hvad den drejer sig om, så den får de rigtige frister.
act-field-kind = Hvad drejer det sig om?
act-field-case-type = Sagstype
act-case-type-none = Ingen sagstype
act-classify-button = Gem klassificeringen
act-reclassified-notice = Klassificeringen er gemt, og fristerne er beregnet igen.
act-ref-unknown-kind = Vælg, hvad henvendelsen drejer sig om, fra listen.
act-ref-unknown-case-type = Sagstypen findes ikke i kommunens servicemål. Vælg en sagstype fra listen.
act-fact-kind = Drejer sig om
act-fact-case-type = Sagstype
act-closed-heading = Lukket
act-closed-text = Henvendelsen er lukket ({ $reason }). Der kan ikke sendes svar, før den er genåbnet. En note eller en fejl kan stadig registreres.
act-reopen-label = Hvorfor genåbnes henvendelsen?
act-reopen-hint = Begrundelsen står i forløbet.
act-reopen-button = Genåbn
act-reopened-notice = Henvendelsen er genåbnet.
act-ref-reopen-reason = Skriv, hvorfor henvendelsen genåbnes.
act-ref-not-closed = Henvendelsen er ikke lukket, så den kan ikke genåbnes.
act-next-inquiry = Næste sag
act-no-next-inquiry = Der er ingen andre åbne sager i din kø.
act-feedback-legend = Ros, ris eller klage over servicen
act-feedback-hint = Har borgeren sagt sin mening om servicen i telefonen, i et brev eller ved skranken? Skriv det her. Det tæller med i opgørelsen af tilfredshed og klager.
act-field-feedback-channel = Hvordan kom tilbagemeldingen?
act-field-feedback-kind = Hvad er det?
act-feedback-comment = Ros eller ris
act-feedback-complaint = Klage over servicen
act-field-feedback-text = Hvad sagde borgeren?
act-field-feedback-score = Borgerens tilfredshed
act-feedback-score-none = Ikke oplyst
act-feedback-score-1 = 1 – Meget utilfreds
act-feedback-score-2 = 2 – Utilfreds
act-feedback-score-3 = 3 – Hverken tilfreds eller utilfreds
act-feedback-score-4 = 4 – Tilfreds
act-feedback-score-5 = 5 – Meget tilfreds
act-feedback-button = Registrér tilbagemeldingen
act-feedback-notice = Tilbagemeldingen er registreret og står i forløbet.
act-ref-feedback-channel = Vælg, hvordan tilbagemeldingen kom.
act-ref-feedback-kind = Vælg, om det er ros eller ris eller en klage over servicen.
act-ref-feedback-text = Skriv, hvad borgeren sagde.
act-ref-feedback-score = Vælg borgerens tilfredshed fra 1 til 5, eller »Ikke oplyst«.

## QueuesWords (queues: open and closed inquiries, a substitute's cover)

queues-state-all-open = Alle åbne
queues-state-closed = Lukket
# "{name}" is replaced by the absent colleague's name.
queues-cover-for = Dækker for { $name }

## SearchWords (search: the header's field and the results page)

search-region-label = Søg i henvendelser
search-field-label = Søg
search-button = Søg
search-title = Søg i henvendelser
search-hint = Sagsnummer (fx HTK-2026-000123), borgerens navn, e-mailadresse, telefonnummer eller CVR-nummer, eller ord fra emne og besked. Både åbne og lukkede henvendelser, nyeste først.
search-caption = Henvendelser, der passer til søgningen, nyeste først
search-col-sender = Afsender
search-col-state = Tilstand
search-col-deadline = Nærmeste frist
# "{query}" is replaced by what was typed.
search-none-found = Ingen henvendelser passer til »{ $query }«.
search-cpr-left-out = Der kan ikke søges på CPR-numre, så CPR-nummeret er udeladt af søgningen.
search-type-something = Skriv, hvad du leder efter.

# Notices and information requests (every message to the citizen through the outbox)
ntc-request-legend = Bed borgeren om oplysninger
ntc-request-hint = Borgeren får en besked om, hvad vi mangler, og hvornår vi skal have det. Frister, der kan sættes i bero, tæller ikke, mens vi venter.
ntc-field-request-text = Hvad har vi brug for?
ntc-field-request-date = Svar senest
ntc-request-button = Send anmodningen
ntc-extended-queued = Fristen er forlænget. Beskeden til borgeren er lagt i udbakken og sendes nu. Forløbet viser den som sendt, så snart modtagerens system har taget imod den.
ntc-extended-undelivered = Fristen er forlænget. Beskeden til borgeren er gemt i udbakken, men den er ikke sendt: der er ikke sat forsendelse op for kanalen på serveren. Kontakt jeres it-afdeling.
ntc-extended-on-status-page = Fristen er forlænget. Borgeren kan se den nye dato og begrundelsen på sin statusside.
ntc-extended-not-sent = Fristen er forlænget, men Frist har ikke sendt besked til borgeren: der er hverken en e-mailadresse eller en postadresse at sende til. Giv borgeren besked på anden måde, fx ved at ringe.
ntc-request-queued = Henvendelsen venter nu på borgeren. Anmodningen er lagt i udbakken og sendes nu. Forløbet viser den som sendt, så snart modtagerens system har taget imod den.
ntc-request-undelivered = Henvendelsen venter nu på borgeren. Anmodningen er gemt i udbakken, men den er ikke sendt: der er ikke sat forsendelse op for kanalen på serveren. Kontakt jeres it-afdeling.
ntc-request-on-status-page = Henvendelsen venter nu på borgeren, som kan se anmodningen på sin statusside.
ntc-request-not-sent = Henvendelsen venter nu på borgeren, men Frist har ikke sendt anmodningen: der er hverken en e-mailadresse eller en postadresse at sende til. Bed borgeren om oplysningerne på anden måde, fx ved at ringe.
ntc-ref-request-text = Skriv, hvilke oplysninger vi har brug for.
ntc-ref-request-date = Skriv, hvornår borgeren senest skal svare, som en dato efter i dag, fx 2027-01-15.
ntc-ref-request-rules = Anmodningen opfylder ikke servicemålene eller reglerne for kanalen. Vælg en anden kanal eller ret teksten.
ntc-ref-no-recipient = Beskeden kan ikke sendes: borgeren har ikke oplyst en adresse til den kanal, svaret ville gå med. Intet er gemt.

# Message templates (/admin/skabeloner)
tmpl-title = Skabeloner
tmpl-intro = Den tekst, en besked til borgeren begynder med, for hver slags besked, sagstype og sprog. Hilsen og underskrift (navn, afdeling og direkte telefon) sætter Frist selv på ud fra medarbejderlisten. En rettet tekst går forud for politikkens og Frists standardtekst.
tmpl-admin-link = Skabeloner til beskeder
tmpl-admin-link-hint = Ret de tekster, kvitteringer, svar, afgørelser, anmodninger om oplysninger og beskeder om forlænget frist begynder med.
tmpl-caption = Skabeloner efter besked og sagstype, og hvor teksten kommer fra på hvert sprog
tmpl-col-kind = Besked
tmpl-col-case-type = Sagstype
tmpl-all-case-types = Alle sagstyper
tmpl-kind-acknowledgment = Kvittering
tmpl-kind-answer = Svar
tmpl-kind-decision = Afgørelse
tmpl-kind-information-request = Anmodning om oplysninger
tmpl-kind-extension-notice = Besked om forlænget frist
tmpl-source-standard = Standard
tmpl-source-policy = Politik
tmpl-source-edited = Redigeret
tmpl-for-all = (alle sagstyper)
tmpl-edit-link = Ret { $kind }, { $case_type }, { $lang }
tmpl-edit = Ret
tmpl-edit-title = Ret skabelon
tmpl-edit-intro = Teksten bruges til nye beskeder af denne slags. Beskeder, der allerede er sendt, ændres ikke.
tmpl-now-from = Teksten kommer nu fra:
tmpl-changed = Senest rettet af { $by } { $when }.
tmpl-field-body = Tekst
tmpl-body-hint = Skriv teksten, der står mellem hilsen og underskrift. Ord i krøllede parenteser udfyldes, når beskeden skrives; kun dem i listen herunder kan bruges.
tmpl-placeholders-caption = Pladsholdere, du kan bruge
tmpl-ph-reference = sagens referencenummer
tmpl-ph-caseworker = sagsbehandlerens navn
tmpl-ph-date-acknowledgment = den dato, borgeren kan forvente svar
tmpl-ph-date-information-request = den dato, borgeren skal svare senest
tmpl-ph-date-extension-notice = den nye frist
tmpl-ph-needed = hvad vi har brug for
tmpl-ph-reason = begrundelsen for forlængelsen
tmpl-ph-complaint-to = hvem man klager til (fra sagstypen)
tmpl-ph-complaint-deadline = klagefristen (fra sagstypen)
tmpl-save = Gem skabelon
tmpl-restore = Gendan standard
tmpl-restore-hint = Sletter rettelsen. Derefter bruges politikkens tekst eller Frists standardtekst igen.
tmpl-back = Tilbage til skabelonerne
tmpl-saved = Skabelonen er gemt.
tmpl-restored = Rettelsen er slettet. Standardteksten bruges igen.
tmpl-err-empty = Skriv en tekst. En skabelon kan ikke være tom.
tmpl-err-placeholder = { $placeholder } kan ikke bruges i denne slags besked. Brug kun pladsholderne i listen.

## Notices to staff (the scheduler's e-mails and the notifications page)
notice-warning-subject = Frist nærmer sig: { $reference }
notice-warning-body = Fristen for { $reference } «{ $subject }» efter servicemål { $goal } er { $date }. Der er gået { $share } % af tiden.
notice-warning-to-unit = Ingen sagsbehandler har sagen; beskeden går derfor til { $unit }.
notice-escalation-subject = Frist overskredet: { $reference }
notice-escalation-body = Fristen for { $reference } «{ $subject }» efter servicemål { $goal } var { $date } og er overskredet. Sagsbehandler: { $caseworker }.
notice-nobody = ingen
notice-digest-subject = Dagens overblik { $date }: { $due_today } forfalder i dag, { $overdue } overskredet
notice-digest-greeting = Godmorgen { $name }. Her er dine sager med frister { $date }.
notice-digest-overdue = { $count ->
    [one] 1 sag har overskredet fristen
   *[other] { $count } sager har overskredet fristen
}
notice-digest-due-today = { $count ->
    [one] 1 sag forfalder i dag
   *[other] { $count } sager forfalder i dag
}
notice-digest-at-risk = { $count ->
    [one] 1 sag forfalder næste arbejdsdag
   *[other] { $count } sager forfalder næste arbejdsdag
}
notice-digest-new = { $count ->
    [one] 1 ny henvendelse siden sidst
   *[other] { $count } nye henvendelser siden sidst
}
notice-digest-handed = { $count ->
    [one] 1 sag er givet til dig siden sidst
   *[other] { $count } sager er givet til dig siden sidst
}
notice-digest-covering = Du dækker for { $name } (fraværende til og med { $until }): { $overdue } overskredet, { $due_today } forfalder i dag.
notice-digest-more = … og { $count } flere.
notice-digest-item = { $reference } «{ $subject }», frist { $date }
notice-digest-nothing = Ingen af dine sager har frist i dag eller næste arbejdsdag.
notice-digest-off = Du kan slå det daglige overblik fra under Notifikationer i Frist.
notice-report-subject = Månedsrapport { $month }: { $share } overholdt
notice-report-subject-none = Månedsrapport { $month }: ingen frister forfaldt
notice-report-intro = Overholdelse af servicemålene i { $month } (frister, der forfaldt i måneden).
notice-report-goals = Pr. servicemål
notice-report-units = Pr. afdeling
notice-report-row = { $group }: { $on_time } til tiden af { $due } ({ $share }), { $late } for sent, { $breached } overskredet, { $pending } afventer
notice-report-none = ingen frister
notice-share-none = –
nav-notifications = Notifikationer
nav-counts = { $due_today } i dag, { $overdue } overskredet
nav-counts-label = Mine sager: { $due_today } forfalder i dag, { $overdue } overskredet
notif-title = Notifikationer
notif-intro = Det, Frist har sendt dig: dagligt overblik, varsler før en frist og eskaleringer, når en frist er overskredet.
notif-empty = Du har ingen notifikationer endnu.
notif-col-when = Tidspunkt
notif-col-kind = Slags
notif-col-subject = Emne
notif-col-state = Status
notif-kind-digest = Dagligt overblik
notif-kind-warning = Varsel
notif-kind-escalation = Eskalering
notif-kind-monthly-report = Månedsrapport
notif-state-queued = Venter
notif-state-sending = Sendes
notif-state-sent = Sendt
notif-state-failed = Ikke sendt
notif-state-uncertain = Usikker
notif-to-unit = til { $unit }
notif-open = Åbn
notif-older = Ældre notifikationer
notif-settings = Indstillinger
notif-digest-label = Send mig et dagligt overblik om morgenen på arbejdsdage
notif-digest-hint = Overblikket kommer ved åbningstid og aldrig i weekender, på helligdage eller mens du er registreret som fraværende.
notif-save = Gem
notif-saved-on = Du får et dagligt overblik.
notif-saved-off = Du får ikke længere et dagligt overblik.
notif-no-email = Der er ingen e-mailadresse på dig i medarbejderlisten, så Frist kan ikke sende dig noget. Bed en administrator om at tilføje den.

## /ledelse/service: the service report (svc-*)
svc-title = Servicerapport
svc-intro = Henvendelser modtaget i måneden: hvor mange der blev videresendt og overdraget, telefonhenvendelser løst ved første kontakt over for beskeder taget, registrerede fejl, borgernes tilfredshed, lovede svardatoer holdt, og arbejdsdage til det endelige svar – brutto og netto for tid, hvor sagen ventede på borgeren (median / 9 ud af 10).
svc-group-label = Opdelt efter
svc-by-channel = Kanal
svc-by-unit = Afdeling
svc-by-case-type = Sagstype
svc-by-sender-kind = Borger eller virksomhed
svc-by-month = Måned
svc-show = Vis
svc-caption = Servicerapport for henvendelser modtaget i { $month }
svc-col-received = Modtaget
svc-col-referred = Videresendt
svc-col-more-than-once = Heraf flere gange
svc-col-handed-over = Overdraget
svc-col-phone-first = Telefon løst ved første kontakt
svc-col-phone-messages = Telefonbeskeder taget
svc-col-errors = Fejl
svc-col-satisfaction = Tilfredshed (antal svar)
svc-col-promised = Lovede datoer holdt
svc-col-gross = Dage til svar, brutto
svc-col-net = Dage til svar, netto
svc-none = Ingen henvendelser modtaget i måneden.
svc-person = Borgere
svc-business = Virksomheder
svc-link = Se servicerapporten for måneden
svc-back = Tilbage til overblikket

## SignInWords: signing in through the identity provider (oidc-*)

oidc-intro = Log ind med din arbejdskonto for at se og behandle henvendelser.
oidc-or-password = Eller med brugernavn og adgangskode
oidc-passwords-off = Log ind med brugernavn og adgangskode er slået fra i Frist. Brug knappen for at logge ind med din arbejdskonto.
oidc-no-access-title = Du har ikke adgang til Frist
oidc-no-access-text = Din arbejdskonto er i orden, men den giver ikke adgang til Frist: du er ikke med i nogen af de grupper, som Frist giver adgang til. Du er derfor ikke logget ind.
oidc-no-access-ask = Bed din leder eller kommunens it-afdeling om at give dig adgang til Frist. Når din konto er kommet med i en af Frists grupper, kan du logge ind.
oidc-cancelled-title = Log ind blev afbrudt
oidc-cancelled-text = Log ind med din arbejdskonto blev afbrudt eller afvist, så du er ikke logget ind i Frist.
oidc-expired-title = Log ind kunne ikke afsluttes
oidc-expired-text = Log ind tog for lang tid, eller det blev startet i et andet vindue. Du er ikke logget ind i Frist. Start forfra.
oidc-failed-title = Log ind mislykkedes
oidc-failed-text = Frist kunne ikke gennemføre log ind med din arbejdskonto, så du er ikke logget ind. Prøv igen om lidt. Sker det igen, så kontakt kommunens it-afdeling.
oidc-no-username-title = Din konto mangler et brugernavn
oidc-no-username-text = Din arbejdskonto har ikke et brugernavn, som Frist kan bruge, så du er ikke logget ind. Kontakt kommunens it-afdeling.
oidc-taken-title = Brugernavnet er allerede i brug
oidc-taken-text = Der findes allerede en anden konto i Frist med dit brugernavn, så du er ikke logget ind. Bed Frists administrator om hjælp.
oidc-ask-heading = Hvem kan hjælpe
oidc-try-again = Til log ind
