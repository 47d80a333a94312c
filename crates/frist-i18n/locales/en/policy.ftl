# Frist: the policy catalogue, en. See da/policy.ftl.

title = What you can expect from { $name }
and = and
or = or

## How a citizen reaches us, as it reads after "If you write to us …"

how-email = by e-mail
how-letter = by letter
how-digital-post = by Digital Post
how-web-form = through the self-service form
how-facebook = on Facebook
how-phone = by phone
how-in-person = in person

## What the inquiry is ("with …") and to whom ("to …")

kind-general-question = a general question
kind-application = an application
kind-complaint = a complaint
kind-information = information
kind-other = anything else
addressee-general = the municipality's general mailbox
addressee-department = a department's mailbox
addressee-employee = a member of staff directly
condition-kinds = { " " }with { $kinds }
condition-to = { " " }to { $addressees }

## Lengths of time

within-working-days =
    { $n ->
        [one] { $n } working day
       *[other] { $n } working days
    }
within-hours =
    { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
within-weeks =
    { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }

## What we promise, and the sentence around it

requires-acknowledgment = within { $within } you get either an answer or a receipt telling you who handles your case, what happens next and when to expect an answer
requires-answer = you get a final answer within { $within }
requires-callback = we call you back within { $within }
requires-triage = we read your inquiry and pass it to the right member of staff within { $within }
sentence-phone = If you call us{ $condition } and we take a message, { $what }.
sentence-written = If you write to us { $how }{ $condition }, { $what }.
sentence-contact = If you contact us { $how }{ $condition }, { $what }.

## Sections

heading-response-times = When will you hear from us?
no-promises = { $name } has not promised specific response times. We answer as soon as we can and tell you when to expect an answer.
silent-channels = We have not promised a specific response time when you contact us { $channels }.
heading-case-times = Processing times
case-times-intro = Some cases take longer because special rules apply. These are our deadlines:
case-no-deadline = no fixed deadline
heading-working-days = How we count working days
working-days-text = Working days are Monday to Friday, except public holidays. The day we receive your inquiry is not counted. If it arrives on a Saturday, Sunday or public holiday, we count from the next working day.
closed-also = We are also closed on { $days }.
closing-yearly = { $name } ({ $day } { $month })
date = { $day } { $month } { $year }
heading-promised-in = What we promise in «{ $title }» (in Danish)
heading-promised = What we promise (in Danish)
heading-opening-hours = Opening hours
heading-phone-hours = Phone hours
heading-contact = Contact
contact-address = Address
contact-phone = Phone
contact-email = E-mail
contact-website = Website

## Names of days and months

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Labels of the policy vocabulary (channel, addressee, kind, requirement), as in lists and tables

label-channel-email = e-mail
label-channel-letter = letter
label-channel-digital-post = Digital Post
label-channel-web-form = self-service form
label-channel-facebook = Facebook
label-channel-phone = phone
label-channel-in-person = in person
label-addressee-general = general mailbox
label-addressee-department = department mailbox
label-addressee-employee = an employee directly
label-kind-general-question = general question
label-kind-application = application
label-kind-complaint = complaint
label-kind-information = information
label-kind-other = other
label-requirement-acknowledgment = acknowledgment
label-requirement-answer = answer
label-requirement-callback = call back
label-requirement-triage = triage

## goals: what Frist does today for a rule or feature (`frist policy check`), and where a
## person finds it. $path is a page's path; support.rs/availability.rs decide which applies.

support-today = Frist today
support-not-yet = not supported yet
support-partly-short = partly
support-partly = Partly: { $missing } is still missing.
missing-report = a report
where-reply-rules = Checked before anything is sent, in the reply form on the inquiry page ({ $path }) and in the API; a violation stops the message.
where-readability = Checked in the reply form on the inquiry page ({ $path }), also while typing, when the policy file has a [readability] section; it warns but does not stop the message.
where-extension = "Extend and tell the citizen" on the inquiry page ({ $path }): only with a new date, a reason and a notice to the citizen.
where-close = "Close the inquiry" on the inquiry page ({ $path }): "answered" needs a final answer, "handed over" a hand-over to a named colleague.
where-absence-substitute = Absence on { $path }; new e-mail to the absent employee goes to the substitute, and the absent employee's open inquiries are listed in the substitute's "Mine" for as long as the absence lasts.
where-absence-auto-reply = Absence on { $path }; e-mail to the absent employee gets an automatic reply with the return date and the substitute.
where-phone-messages = The desk ({ $path }): a phone message is registered with a phone number, and the call back gets its deadline, which "Called back" on the inquiry page meets when the citizen was reached.
where-phone-hours = The phone hours of the policy file ([calendar.phone_hours]) are shown on { $path }.
where-referrals = "Refer" on the inquiry page ({ $path }) to another unit; the referral is in the history and counted on the inquiry.
where-citizen-visible-notes = "Add a note" on the inquiry page ({ $path }) with "Visible to the citizen"; the note is shown on the citizen's status page.
where-feedback = The citizen's status page ({ $path }) asks for a rating and a comment once the inquiry is answered; they are in the inquiry's history.
where-self-service = The self-service form at { $path }, around the clock.
where-service-goal-page = The service goals at { $path }, generated from the policy file.
where-error-register = "Register error" on the inquiry page ({ $path }); the error is in the inquiry's history.
where-named-caseworker = "Open and assign to me" on the inquiry page ({ $path }); the citizen sees the caseworker's name on the status page.
where-awaiting-citizen = "Request information from the citizen" on the inquiry page ({ $path }); deadlines with pausable = true stand still until the citizen has replied.
where-all-channels = E-mail from the mailboxes, letters, phone and visits at the desk ({ $path }), the self-service form, Facebook and the API.
where-languages = The citizen pages exist in Danish, English and German, e.g. { $path }; the inquiry's language is stored.
where-satisfaction-survey = The citizen's status page ({ $path }) asks how satisfied the citizen is once the inquiry is answered; the answer is in the inquiry's history.

## goals2: the substitute's cover on the queue, case types set on the staff pages
where-substitute-cover = "Mine" in the queue ({ $path }): while a colleague is absent with you as substitute, the colleague's open inquiries are listed there, marked "Covering for …", and they go again when the absence ends. Nothing is reassigned, and the deadlines are unchanged.
where-case-types = "What is the inquiry about?" on the inquiry page ({ $path }) and the desk set one of the policy file's case types ([[case_type]]); the case type's deadline becomes an answer deadline and is shown on the service-goal page.
missing-case-types = the case types with their published deadlines in the policy file and a report per case type
heading-not-yet = Goals where Frist does not yet support everything the file names
