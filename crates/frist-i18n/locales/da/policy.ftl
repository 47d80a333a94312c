# Frist: the policy catalogue, da. The citizen's explanation of a policy ("Det kan du forvente
# af os") and the words of the policy vocabulary. Arguments are filled in by frist-policy's
# explain.rs; $case is only used by languages that decline nouns (German).

title = Det kan du forvente af { $name }
and = og
or = eller

## How a citizen reaches us, as it reads after "Skriver du …"

how-email = på e-mail
how-letter = med brev
how-digital-post = med Digital Post
how-web-form = via selvbetjeningsformularen
how-facebook = på Facebook
how-phone = på telefon
how-in-person = ved personligt fremmøde

## What the inquiry is ("med …") and to whom ("til …")

kind-general-question = et generelt spørgsmål
kind-application = en ansøgning
kind-complaint = en klage
kind-information = oplysninger
kind-other = andet
addressee-general = kommunens fælles postkasse
addressee-department = en afdelings postkasse
addressee-employee = en medarbejder direkte
condition-kinds = { " " }med { $kinds }
condition-to = { " " }til { $addressees }

## Lengths of time

within-working-days =
    { $n ->
        [one] { $n } arbejdsdag
       *[other] { $n } arbejdsdage
    }
within-hours =
    { $n ->
        [one] { $n } time
       *[other] { $n } timer
    }
within-weeks =
    { $n ->
        [one] { $n } uge
       *[other] { $n } uger
    }

## What we promise, and the sentence around it

requires-acknowledgment = får du inden for { $within } enten et svar eller en kvittering, der fortæller, hvem der behandler din sag, hvad der nu skal ske, og hvornår du kan forvente svar
requires-answer = får du et endeligt svar inden for { $within }
requires-callback = ringer vi dig op inden for { $within }
requires-triage = læser vi din henvendelse og sender den til den rette medarbejder inden for { $within }
sentence-phone = Ringer du{ $condition }, og tager vi imod en besked, { $what }.
sentence-written = Skriver du { $how }{ $condition }, { $what }.
sentence-contact = Henvender du dig { $how }{ $condition }, { $what }.

## Sections

heading-response-times = Hvornår får du svar?
no-promises = { $name } har ikke lovet bestemte svartider. Vi svarer så hurtigt, vi kan, og fortæller dig, hvornår du kan forvente svar.
silent-channels = Vi har ikke lovet en bestemt svartid, når du henvender dig { $channels }.
heading-case-times = Sagsbehandlingstider
case-times-intro = Nogle sager tager længere tid, fordi de skal behandles efter særlige regler. Her er vores frister:
case-no-deadline = ingen fast frist
heading-working-days = Sådan tæller vi arbejdsdage
working-days-text = Arbejdsdage er mandag til fredag, undtagen helligdage. Dagen, hvor vi modtager din henvendelse, tæller ikke med. Kommer den en lørdag, søndag eller helligdag, regner vi fra den næste arbejdsdag.
closed-also = Vi holder også lukket { $days }.
closing-yearly = { $name } ({ $day }. { $month })
date = { $day }. { $month } { $year }
heading-promised-in = Det har vi lovet i «{ $title }»
heading-promised = Det har vi lovet
heading-opening-hours = Åbningstider
heading-phone-hours = Telefontider
heading-contact = Kontakt
contact-address = Adresse
contact-phone = Telefon
contact-email = E-mail
contact-website = Hjemmeside

## Names of days and months

weekday-1 = Mandag
weekday-2 = Tirsdag
weekday-3 = Onsdag
weekday-4 = Torsdag
weekday-5 = Fredag
weekday-6 = Lørdag
weekday-7 = Søndag
month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Labels of the policy vocabulary (channel, addressee, kind, requirement), as in lists and tables

label-channel-email = e-mail
label-channel-letter = brev
label-channel-digital-post = Digital Post
label-channel-web-form = selvbetjeningsformular
label-channel-facebook = Facebook
label-channel-phone = telefon
label-channel-in-person = personligt fremmøde
label-addressee-general = fælles postkasse
label-addressee-department = afdelingens postkasse
label-addressee-employee = en medarbejder direkte
label-kind-general-question = generelt spørgsmål
label-kind-application = ansøgning
label-kind-complaint = klage
label-kind-information = oplysninger
label-kind-other = andet
label-requirement-acknowledgment = kvittering
label-requirement-answer = svar
label-requirement-callback = opringning
label-requirement-triage = visitering

## goals: what Frist does today for a rule or feature (`frist policy check`), and where a
## person finds it. $path is a page's path; support.rs/availability.rs decide which applies.

support-today = Frist i dag
support-not-yet = ikke understøttet endnu
support-partly-short = delvist
support-partly = Delvist: { $missing } mangler endnu.
missing-report = en rapport
where-reply-rules = Tjekkes, før noget sendes, i svarformularen på sagssiden ({ $path }) og i API'et; en overtrædelse stopper beskeden.
where-readability = Tjekkes i svarformularen på sagssiden ({ $path }), også mens der skrives, når politikfilen har et [readability]-afsnit; giver en advarsel, men stopper ikke beskeden.
where-extension = »Forlæng og giv besked« på sagssiden ({ $path }): kun med ny dato, begrundelse og besked til borgeren.
where-close = »Luk henvendelsen« på sagssiden ({ $path }): »besvaret« kræver et endeligt svar, »overdraget« en overdragelse til en navngiven kollega.
where-absence-substitute = Fraværsmarkering på { $path }; ny e-mail til den fraværende går til stedfortræderen, og den fraværendes åbne henvendelser står i stedfortræderens »Mine«, så længe fraværet varer.
where-absence-auto-reply = Fraværsmarkering på { $path }; e-mail til den fraværende får et automatisk svar med returdato og stedfortræder.
where-phone-messages = Skranken ({ $path }): en telefonbesked registreres med telefonnummer, og opringningen får sin frist, som »Ringet tilbage« på sagssiden overholder, når borgeren blev truffet.
where-phone-hours = Telefontiderne fra politikfilen ([calendar.phone_hours]) vises på { $path }.
where-referrals = »Videresend« på sagssiden ({ $path }) til en anden afdeling; videresendelsen står i historikken og tælles på henvendelsen.
where-citizen-visible-notes = »Tilføj en note« på sagssiden ({ $path }) med »Synlig for borgeren«; noten vises på borgerens statusside.
where-feedback = Borgerens statusside ({ $path }) beder om en vurdering og en kommentar, når sagen er besvaret; de står i sagens historik.
where-self-service = Selvbetjeningsformularen på { $path }, døgnet rundt.
where-service-goal-page = Servicemålene på { $path }, lavet ud fra politikfilen.
where-error-register = »Registrér fejl« på sagssiden ({ $path }); fejlen står i sagens historik.
where-named-caseworker = »Åbn og tildel mig« på sagssiden ({ $path }); borgeren ser sagsbehandlerens navn på statussiden.
where-awaiting-citizen = »Bed borgeren om oplysninger« på sagssiden ({ $path }); frister med pausable = true står stille, til borgeren har svaret.
where-all-channels = E-mail fra postkasserne, brev, telefon og personligt fremmøde på skranken ({ $path }), selvbetjeningsformularen, Facebook og API'et.
where-languages = Borgersiderne findes på dansk, engelsk og tysk, fx { $path }; henvendelsens sprog gemmes.
where-satisfaction-survey = Borgerens statusside ({ $path }) spørger, hvor tilfreds borgeren er, når sagen er besvaret; svaret står i sagens historik.

## goals2: the substitute's cover on the queue, case types set on the staff pages
where-substitute-cover = »Mine« i sagslisten ({ $path }): mens en kollega er fraværende med dig som stedfortræder, står kollegaens åbne henvendelser der, markeret »Dækker for …«, og de forsvinder igen, når fraværet slutter. Intet tildeles om, og fristerne er uændrede.
where-case-types = »Hvad drejer henvendelsen sig om?« på sagssiden ({ $path }) og skranken sætter en af politikfilens sagstyper ([[case_type]]); sagstypens frist bliver en svarfrist og vises på servicemålsiden.
missing-case-types = sagstyperne med deres offentliggjorte frister i politikfilen og en rapport pr. sagstype
heading-not-yet = Mål, hvor Frist endnu ikke understøtter alt, hvad filen nævner
