# Frist: the citizen catalogue, en. Keys are kebab-case struct fields (see frist_i18n::words).

## Messages

months-1 = January
months-2 = February
months-3 = March
months-4 = April
months-5 = May
months-6 = June
months-7 = July
months-8 = August
months-9 = September
months-10 = October
months-11 = November
months-12 = December
skip-link = Skip to content
nav-label = Main menu
nav-home = Home
nav-write = Write to the municipality
nav-goals = What you can expect from us
nav-accessibility = Accessibility statement
footer-heading = Contact us
footer-address = Address
footer-phone = Phone
footer-email = E-mail
footer-website = Website
footer-cvr = CVR number
front-intro = Here you can write to the municipality, follow your inquiry and read what you can expect from us.
front-write-text = Ask a question, send an application or let us know something. You get a receipt with a link where you can follow your inquiry.
front-goals-text = Our service goals: when you can expect an answer, and when we are open.
front-accessibility-text = How we make sure everyone can use these pages.
write-title = Write to the municipality
write-intro = Fill in the fields and press Send. You get a reference number and a link where you can follow your inquiry.
required-mark = (required)
optional-mark = (optional)
field-unit = Who should receive your inquiry?
unit-unknown = Don't know – the citizens' service will pass it on
field-kind = What is it about?
kind-general-question = A question
kind-application = An application
kind-complaint = A complaint
kind-information = Information for the municipality
kind-other = Something else
field-subject = Subject
subject-hint = Say briefly what it is about.
field-message = Your message
field-name = Your name
contact-legend = How can we contact you?
contact-hint = Give your e-mail address, your phone number or both.
field-email = E-mail
field-phone = Phone number
field-cpr = CPR number
cpr-notice = You do not need to give your CPR number. If you do, any reply that contains your CPR number is sent by Digital Post, not by e-mail.
submit = Send
error-summary-title = There is a problem
error-prefix = Error:
err-subject-missing = Enter a subject.
err-subject-too-long = The subject can be at most 200 characters.
err-message-missing = Enter your message.
err-message-too-long = The message can be at most 20,000 characters.
err-name-missing = Enter your name.
err-name-too-long = The name can be at most 200 characters.
err-contact-missing = Enter your e-mail address or your phone number so that we can reply.
err-email-invalid = Enter an e-mail address like name@example.com.
err-phone-invalid = Enter a phone number with at least 8 digits.
err-cpr-invalid = Enter the CPR number as 10 digits (ddmmyy-xxxx), or leave the field empty.
err-unit-unknown = Choose a recipient from the list.
err-kind-unknown = Choose what it is about.
receipt-title = Thank you, we have received your inquiry
receipt-reference = Your reference number
receipt-status-heading = Follow your inquiry
receipt-status-text = Keep the link below. It is your way to follow the inquiry, and we show it only this once.
receipt-status-link = See the status of your inquiry
receipt-goals-text = Read when you can expect an answer
status-title = Status of your inquiry
status-reference = Reference number
status-subject = Subject
status-received = Received
status-state = Status
state-new = Received. We have not opened your inquiry yet.
state-open = Being handled.
state-awaiting = We are waiting for a reply from you.
state-answered = Answered.
state-closed = Closed.
status-caseworker = Caseworker
status-contact = Contact
status-next-step = Next step
status-expected = Expected answer
status-messages = Messages from the municipality
status-no-messages = We have not sent you any messages about this inquiry yet.
status-notes = Notes on your inquiry
msg-acknowledgment = Receipt
msg-answer = Answer
msg-decision = Decision
msg-extension = New answer date
msg-information-request = We ask for information
msg-other = Message
feedback-heading = What do you think of our service?
feedback-legend = How satisfied are you with the way we handled your inquiry?
feedback-scores-1 = 1 – Very dissatisfied
feedback-scores-2 = 2 – Dissatisfied
feedback-scores-3 = 3 – Neither satisfied nor dissatisfied
feedback-scores-4 = 4 – Satisfied
feedback-scores-5 = 5 – Very satisfied
feedback-comment = Comment
feedback-submit = Send your rating
feedback-thanks = Thank you for your rating. We use it to improve.
err-score-missing = Choose a number from 1 to 5.
err-comment-too-long = The comment can be at most 2,000 characters.
not-found-title = Page not found
not-found-text = We cannot find the page you are looking for. Check that the address is spelled correctly.
forbidden-title = We could not accept the form
forbidden-text = The form had expired, or your browser sent it without the cookie it needs. Go back, reload the page and try again.
not-allowed-title = You do not have access to this page
not-allowed-text = This page is for team leads and administrators. Ask your lead if you need access.
bad-request-title = The form could not be read
bad-request-text = What was sent was not a filled-in form. Go back and try again.
too-large-title = The file is too large
too-large-text = The file may be at most 20 MB. Go back and choose a smaller file, or scan at a lower resolution.
error-title = Something went wrong
error-text = Try again in a little while. Call us if it keeps happening.
back-home = Go to the front page
a11y-title = Accessibility statement
a11y-intro = We want everyone to be able to use these pages. They are covered by the Danish act on the accessibility of public sector websites and mobile applications (webtilgængelighedsloven).
a11y-status-heading = How accessible are the pages?
a11y-status-text = The pages are made to WCAG 2.1 level AA. Every page is tested automatically in a real browser with the axe-core tool, in Danish, English and German, and every change has to pass the test.
a11y-how-heading = How the pages are made
a11y-how-text = Everything works without JavaScript. You can use the keyboard alone, enlarge the text and read the pages with a screen reader. You can switch between Danish, English and German at the top of every page.
a11y-feedback-heading = Did you find a problem?
a11y-feedback-text = Write or call us if something does not work for you. Our contact details are at the bottom of the page.
a11y-enforcement-heading = Complaints
a11y-enforcement-text = The Agency for Digital Government (Digitaliseringsstyrelsen) supervises the accessibility of public websites. You can complain to them if you do not get a satisfactory answer from us.
a11y-enforcement-link = Complain to the Agency for Digital Government

## Added with the move to Fluent

# A date in running text.
date = { $day } { $month } { $year }
lang-switch-label = Language

# Notices and information requests (the status page)
stn-request-heading = What we need from you
stn-request-by = Please reply by
stn-request-intro = We are waiting for information from you before we can finish handling your inquiry. You can reply to the message we sent you, or contact us.
stn-extended-to = We have moved the deadline. You will hear from us by { $date }.

## ReplyWords (the texts a caseworker's reply starts from, in the citizen's language)

reply-acknowledgment = Thank you for your inquiry, which we have received. Its reference number is { $reference }. { $caseworker } is handling it, and you can expect an answer by { $date }.
reply-answer = Thank you for your inquiry ({ $reference }).
reply-next-step = We are handling your inquiry and will contact you if we need more information.
reply-decision = We have considered your case ({ $reference }) and have made this decision:
reply-information-request =
    We need more information to handle your inquiry { $reference }:

    { $needed }

    Please send it by { $date }. You can reply to this message.
reply-extension-notice =
    Unfortunately we need more time for your inquiry { $reference }. You can now expect an answer by { $date }.

    The reason: { $reason }
reply-greeting = Dear { $name }
reply-greeting-anonymous = Dear citizen
reply-sign-off = Kind regards
reply-direct-phone = Direct phone { $phone }
reply-auto-acknowledgment = Thank you for your inquiry, which we have received. Its reference is { $reference }; please quote it if you contact us. You can expect an answer by { $date }. We will contact you if we need more information.
reply-auto-acknowledgment-no-date = Thank you for your inquiry, which we have received. Its reference is { $reference }; please quote it if you contact us. We will contact you if we need more information.
reply-automatic = This is an automatic acknowledgment.

# Status links: the receipt, "Lost your link?" and the messages that carry a link
lnk-receipt-expected = You can expect an answer by { $date }.
lnk-receipt-email = We are also sending the link to { $email }, so that you can find it again.
lnk-lost-title = Have you lost the link to your inquiry?
lnk-lost-intro = Enter the reference number and the e-mail address we have for you. If they match an inquiry, we send a new link to the e-mail address, and the earlier links stop working.
lnk-lost-reference = Reference number
lnk-lost-reference-hint = It is in the receipt and in our e-mails, for example HTK-2026-000123.
lnk-lost-email = E-mail address
lnk-lost-submit = Send me a new link
lnk-lost-done-title = Thank you, we have received your request
lnk-lost-done = If the reference number and the e-mail address match an inquiry, we send a new link to the e-mail address, and the earlier links stop working. If no e-mail arrives, look in your spam folder or contact us.
lnk-lost-err-reference = Enter the reference number as it is in the receipt, for example HTK-2026-000123.
lnk-lost-err-email = Enter an e-mail address, for example name@example.com.
lnk-message-label = Link to your inquiry
lnk-confirmation-body = Thank you for your inquiry. We have received it, and you can follow it through the link below: who is handling it, when you can expect an answer, and what we write to you. Keep this e-mail. The link is personal, so do not share it.
lnk-new-link-body = You asked for a new link to your inquiry. Use the link below. The earlier links to the inquiry no longer work. The link is personal, so do not share it.

## The DKFDS layout: the header, the footer and "Privacy and cookies"

solution-name = Contact the municipality
footer-about = About these pages
nav-privacy = Privacy and cookies
privacy-intro = The municipality is the data controller for the information you give us on these pages. Here you can read what we keep, for how long, and which cookies the pages use.
privacy-data-heading = What do we keep?
privacy-data-text = When you write to us, we keep what you wrote in the form: subject, message, name, contact details and your CPR number if you gave it. We use the information to handle your inquiry and answer you. Only the municipality's staff can see it.
privacy-keep-heading = How long do we keep it?
privacy-keep-text = We keep the inquiry for as long as the rules on keeping the municipality's records require.
privacy-cookies-heading = Cookies
privacy-cookies-text = The pages use only two cookies, both needed for the pages to work: one remembers your choice of language for a year, the other protects the forms against forged submissions and is deleted when you close your browser. We use no cookies for statistics or marketing, so we do not ask for your consent.
privacy-rights-heading = Your rights
privacy-rights-text = You have the right to see the information we hold about you and to have wrong information corrected. Contact us if you want to use your rights; you will find our contact details at the bottom of the page. You can complain to the Danish Data Protection Agency (Datatilsynet) about the way we handle your information.

## /resultater: how well the promises were kept (results-*)
results-title = How we keep our promises
results-intro = This page shows how many of the deadlines the municipality has promised citizens and businesses we kept over the last twelve months: for each service goal, each channel, month by month and for each case type.
results-period-label = Period:
results-updated-label = The figures were updated
results-explain = A deadline counts in the month it ran out. "On time" are deadlines we kept. The share is taken of the deadlines that are decided (on time, late or missed); deadlines still running and inquiries with nothing to answer, such as spam, are not counted.
results-goals-heading = Service goals
results-channels-heading = Channels
results-months-heading = Month by month
results-case-types-heading = Case types and processing times
results-col-goal = Service goal
results-col-channel = Channel
results-col-month = Month
results-col-case-type = Case type
results-col-due = Decided deadlines
results-col-on-time = On time
results-col-late = Late
results-col-missed = Missed
results-col-share = Share on time
results-col-target = Target
results-col-median = Typical time (working days)
results-col-p90 = 9 in 10 within (working days)
results-none = No deadlines ran out in the period.
results-no-case-types = The municipality has not yet published processing times for case types.
results-target-reached = reached
results-target-missed = not reached
results-target-open = nothing decided
results-download-heading = Download the figures
results-download-intro = The same figures as open data, free to use.
results-csv = The figures as CSV (spreadsheet)
results-json = The figures as JSON
results-goals-link = See how we keep our promises
