# Frist: the staff catalogue, en. Keys are kebab-case struct fields (see frist_i18n::words).

## StaffMessages

# "Due today at {time}" for the queue.
due-today-at = Due today at { $time }
nav-label = Case handling
nav-queue = Inquiries
nav-desk = Front desk and phone
nav-absence = Absence
nav-flagged = Mail to check
nav-dashboard = Dashboard
nav-admin = Administration
signed-in-as = Signed in as
logout = Sign out
login-title = Sign in
login-intro = Sign in with your username and password to see and handle inquiries.
field-username = Username
field-password = Password
login-submit = Sign in
login-failed = Wrong username or password
login-throttled = Too many failed attempts with this username. Wait a quarter of an hour and try again, or ask an administrator for help.
queue-title = Inquiries
tabs-label = Show inquiries
tab-mine = Mine
tab-unit = My unit
tab-all = All
caption-mine = Inquiries assigned to you, nearest deadline first
caption-unit = Inquiries in your unit, nearest deadline first
caption-all = All inquiries, nearest deadline first
col-reference = Reference
col-subject = Subject
col-channel = Channel
col-unit = Unit
col-caseworker = Caseworker
col-time-left = Time left
col-status = Status
queue-empty = There are no inquiries here.
filter-legend = Narrow the list
filter-deadline = Deadline
deadline-any = All
deadline-breached = Overdue
deadline-today = Today at the latest
deadline-risk = By the next working day
filter-state = Status
state-any = All
filter-unit = Department
unit-any = All departments
filter-button = Show
filtered-empty = No inquiries match.
no-unit = You are not attached to a unit. Choose Mine or All.
next-page = Next page
first-page = First page
label-overdue = Overdue
label-due-today = Due today
label-at-risk = At risk
label-on-track = On track
label-none = No deadline
unassigned = Not assigned
absent-with-substitute = { $name } (absent up to and including { $date }; substitute: { $substitute })
absent-without-substitute = { $name } (absent up to and including { $date })
no-unit-value = No unit
inquiry-title = Inquiry
back-to-queue = Back to the inquiries
facts-heading = Details
received = Received
state = State
state-new = New
state-open = Open
state-awaiting = Awaiting the citizen
state-closed = Closed
answered = Answered
sender-heading = Sender
sender-name = Name
sender-email = E-mail
sender-phone = Phone
sender-cpr = CPR number
reveal-cpr = Show CPR number
reveal-logged = The CPR number is shown, and the view has been logged.
body-heading = The inquiry
body-logged = Your view of the inquiry has been logged.
obligations-heading = Deadlines
obligations-caption = Deadlines under the service goals
col-goal = Service goal
col-requirement = Requirement
col-due = Due
col-state = State
ob-pending = Open
ob-met = Met
ob-met-late = Met late
ob-breached = Breached
ob-paused = Paused
ob-waived = Waived
timeline-heading = Timeline
by = by
citizen = the citizen
ev-received = Received
ev-opened = Opened
ev-assigned = Assigned
ev-message-queued = Message queued in the outbox
ev-message-failed = Message could not be sent – the outbox gave up
ev-message-sent = Message sent
ev-message-received = The citizen wrote again
ev-callback = Called back
ev-callback-attempted = Tried to call back (the citizen was not reached)
ev-note = Note
ev-referred = Referred
ev-handed-over = Handed over
ev-awaiting-started = Waiting for the citizen
ev-awaiting-ended = The citizen replied
ev-extended = Deadline extended
ev-reclassified = Reclassified
ev-error = Error registered
ev-feedback = Feedback from the citizen
ev-closed = Closed
ev-reopened = Reopened
assign-button = Open and assign to me
assigned-notice = The inquiry is assigned to you.
reply-heading = Send an acknowledgment or answer
field-kind = Type
kind-acknowledgment = Acknowledgment
kind-answer = Answer
kind-decision = Decision
field-channel = Channel
field-body = Text to the citizen
field-caseworker = Caseworker
field-contact = Contact
contact-hint = Whom the citizen can contact: name, phone or e-mail.
field-next-step = Next step
field-expected = Expected answer
expected-hint = Date as YYYY-MM-DD. Filled in with the answer deadline.
field-appealable = The decision can be appealed
complaint-legend = Complaint guidance
complaint-hint = Required when the decision can be appealed.
field-complaint-body = Complaints body
field-complaint-how = How to complain
field-complaint-deadline = Deadline for complaints
send-button = Send message
rules-title = The message was not sent
rules-intro = Correct the following and send again:
warnings-title = Please note
live-blocked-title = The message cannot be sent yet
live-ok = The message keeps the rules.
sent-notice = The message was sent and is now in the timeline.
# After a message went into the outbox and a delivery for its channel is configured.
queued-notice = The message is in the outbox and is being sent. The timeline shows it as sent as soon as the recipient's system has accepted it.
# After a message went into the outbox but nothing delivers its channel on this server.
queued-undelivered-notice = The message is saved in the outbox but has not been sent: no delivery is set up for this channel (e.g. e-mail/SMTP) on the server. It will be sent once that is done. Contact your IT department.
# The inquiry holds no address for the chosen channel.
err-no-recipient = The sender gave no address for the chosen channel. Choose another channel.
err-caseworker = Choose the caseworker from the list.
caseworker-hint = The message is signed with the caseworker's name, unit and direct phone number from the staff directory.
err-no-postal-address = The letter cannot be sent: the sender has no postal address. Choose another channel, or call the citizen. Nothing was sent.
err-no-email-address = The sender has no e-mail address. Choose another channel. Nothing was sent.
err-no-cpr-or-cvr = Digital Post needs the sender's CPR or CVR number, and the inquiry has neither. Choose another channel. Nothing was sent.
err-body-missing = Write a text to the citizen.
err-kind = Choose a type.
err-channel = Choose a channel.
err-expected = Write the date as YYYY-MM-DD, or leave the field empty.
err-refused = The inquiry cannot take this message in its current state (it may be closed).
actions-heading = Actions
scans-heading = Scanned post
scans-caption = Scans of the letter
col-file = File
col-size = Size
col-uploaded = Added
scan-upload-label = Add a scan of the letter
scan-hint = PDF, JPEG, PNG or TIFF, at most 20 MB. Every view is logged.
scan-button = Save the scan
scan-added-notice = The scan has been saved.
letter-registered-notice = The letter has been registered. Add the scan below.
ref-scan-missing = Choose a file with the scan.
ref-scan-type = The scan must be a PDF, JPEG, PNG or TIFF file.
ref-scan-unreadable = The file could not be received. It may be at most 20 MB.
outgoing-heading = Outgoing messages
outgoing-caption = Messages being sent or sent to the citizen
col-attempts = Attempts
col-note = Note
out-queued = Queued
out-sending = Sending
out-sent = Sent
out-failed = Not sent
out-uncertain = Unknown whether it arrived
out-retry = Send again
out-confirm = It arrived
out-technical = (Technical message for the IT department: { $error })
out-failed-explained = The recipient's system did not accept the message, and Frist has stopped trying. Correct the address or choose another channel, or send it again.
out-uncertain-explained = Sending was interrupted, so it is not known whether the citizen got the message. Check before you send it again.
out-retrying = The message could not be sent yet. Frist tries again { $when }.
requeued-notice = The message is queued to be sent again.
confirmed-notice = The message is recorded as sent.
messenger-heading = Messenger
error-legend = Register an error
error-hint = E.g. a missed deadline or an answer sent to the wrong person. Errors are counted in the reports.
error-button = Register error
error-notice = The error has been registered.
extend-legend = Extend a deadline
extend-hint = The citizen is sent a message with the new date and the reason, by the channel the answer would take.
field-extend-which = Deadline
field-extend-date = New deadline
field-extend-reason = Reason, as told to the citizen
extend-button = Extend and tell the citizen
extended-notice = The deadline has been extended.
ref-extension-not-later = The new deadline must be after the current one.
ref-no-such-obligation = That deadline is already met or does not exist. Choose an open deadline.
ref-not-working-day = The new deadline must be a working day.
ref-extension-date = Write the new deadline as a date, e.g. 2026-12-04.
ref-extension-reason = Write a reason for the citizen.
ref-extension-rules = The extension notice does not meet the service goals. Write a reason and choose a date.
note-legend = Add a note
field-note-visible = Visible to the citizen
note-button = Save note
field-hand-over = Hand over to colleague
hand-over-button = Hand over
field-refer = Refer to unit
refer-button = Refer
await-hint = Deadlines that can be paused stop counting while we wait for the citizen.
await-button = Request information from the citizen
await-end-button = The citizen has replied
field-close-reason = Reason for closing
close-answered = Answered
close-handed-over = Handed over
close-withdrawn = Withdrawn
close-duplicate = Duplicate
close-spam = Spam
close-button = Close the inquiry
action-refused-title = The action was not carried out
noted-notice = The note was saved and is now in the timeline.
handed-over-notice = The inquiry was handed over.
referred-notice = The inquiry was referred.
awaiting-notice = The inquiry is now waiting for the citizen.
awaiting-ended-notice = The citizen has replied, and the deadlines count again.
closed-notice = The inquiry was closed.
ref-closed = The inquiry is closed. Reopen it first.
ref-already-awaiting = The inquiry is already waiting for the citizen.
ref-not-awaiting = The inquiry is not waiting for the citizen.
ref-close-without-answer = The inquiry cannot be closed as answered before an answer or a decision has been sent.
ref-close-without-hand-over = The inquiry cannot be closed as handed over before it has been handed over to a named colleague.
ref-empty-note = Write some text in the note.
ref-unknown-colleague = Choose a colleague from the list.
ref-unknown-unit = Choose a unit from the list.
ref-close-reason = Choose a reason for closing.
ref-other = The inquiry cannot take this action in its current state.
days-left =
    { $n ->
        [one] { $n } working day left
       *[other] { $n } working days left
    }
days-over =
    { $n ->
        [one] { $n } working day overdue
       *[other] { $n } working days overdue
    }
hours-left =
    { $n ->
        [one] { $n } hour left
       *[other] { $n } hours left
    }
hours-over =
    { $n ->
        [one] { $n } hour overdue
       *[other] { $n } hours overdue
    }

## DeskWords

desk-title = Front desk and phone
desk-intro = Register a phone message or a visit, so that the deadline starts running and no inquiry is forgotten.
desk-search-heading = Find earlier inquiries
desk-search-label = Phone number, e-mail address or name
desk-search-hint = E.g. 43 59 10 00, name@example.dk or the start of the name.
desk-search-button = Search
desk-search-too-short = Type at least two characters.
desk-found =
    { $n ->
        [one] { $n } inquiry from the same person
       *[other] { $n } inquiries from the same person, newest first
    }
desk-found-none = No earlier inquiries found.
desk-register-heading = Register an inquiry
desk-how-legend = How did the inquiry come in?
desk-how-phone = Phone – the citizen is to be called back
desk-how-visit = In person
desk-how-letter = Letter on paper – the scan is added next
desk-field-name = Name
desk-field-phone = Phone number
desk-phone-hint = Required for phone messages, so that we can call back.
desk-field-email = E-mail address
desk-field-postal-address = Postal address
desk-postal-address-hint = Street and number, postcode and town, each on its own line. Needed if the answer is to be sent as a letter.
desk-field-subject = What is it about?
desk-field-body = Message
desk-body-hint = The main points of the conversation, in the citizen's own words where that helps.
desk-field-unit = Department
desk-unit-none = Not assigned yet
desk-field-kind = Type
desk-handled-label = Handled during the conversation
desk-handled-hint = Tick only if the citizen got an answer straight away and is not to be called back.
desk-submit = Register
desk-registered-title = Registered
# "{reference}" is replaced.
desk-registered-text = The inquiry has reference { $reference }.
desk-open-inquiry = Open the inquiry
desk-err-subject = Write what the inquiry is about.
desk-err-phone = Write a phone number we can call back.
desk-err-how = Choose phone or in person.
desk-err-unit = Choose a department from the list.
desk-err-kind = Choose a type from the list.
desk-handled-note = Handled during the conversation when registered.
# Desk case type (actions: classification where the work happens)
desk-field-case-type = Case type
desk-case-type-hint = Only if the inquiry belongs to one of the municipality's case types with its own processing time.
desk-case-type-none = No case type
desk-err-case-type = Choose a case type from the list.

## AbsenceWords

absence-title = Absence
absence-intro = Mark yourself or a colleague as absent. While the absence lasts, open inquiries show the substitute, and mail to the absent person's own mailbox goes to the substitute.
absence-form-heading = Report an absence
absence-field-who = Who is absent?
absence-me = me
absence-field-until = Absent up to and including
absence-until-hint = The last day of the absence.
absence-field-substitute = Substitute
absence-substitute-hint = The colleague who takes care of the inquiries meanwhile.
absence-no-substitute = No substitute
absence-submit = Save absence
absence-saved = The absence has been saved.
absence-ended = The absence has ended.
absence-list-heading = Absent now
absence-list-caption = Colleagues absent today or later
absence-nobody = Nobody is reported absent.
absence-col-who = Colleague
absence-col-until = Up to and including
absence-col-substitute = Substitute
absence-col-inquiries = Inquiries
absence-show-inquiries = Show the inquiries
absence-end-button = End absence
absence-err-who = Choose a colleague from the list.
absence-err-until = Write the date as yyyy-mm-dd, e.g. 2026-12-04.
absence-err-until-past = That date has passed. Choose today or a later day.
absence-err-substitute = Choose a substitute from the list.
absence-err-substitute-self = The substitute must be someone other than the absent person.

## AdminWords

admin-title = Administration
admin-intro = Departments with their shared mailbox and phone, staff with access to Frist, and the service-goal policy Frist enforces.
admin-units-heading = Departments
admin-units-caption = Departments and their mailboxes
admin-no-units = There are no departments yet.
admin-col-id = Code
admin-col-name = Name
admin-col-email = Mailbox
admin-col-phone = Phone
admin-unit-form = Create or change a department
admin-unit-form-hint = A department whose code exists already is changed.
admin-field-unit-id = Code
admin-unit-id-hint = Lower-case letters, digits and hyphens, e.g. borgerservice.
admin-field-name = Name
admin-field-mailbox = Mailbox (e-mail)
admin-field-phone = Phone
admin-save-unit = Save department
admin-unit-saved = The department has been saved.
admin-staff-heading = Staff
admin-staff-caption = Staff with access to Frist
admin-col-username = Username
admin-col-role = Role
admin-col-unit = Department
admin-staff-form = Add a member of staff
admin-field-username = Username
admin-username-hint = Used to sign in, e.g. mette.hansen.
admin-field-role = Role
admin-role-caseworker = Caseworker
admin-role-lead = Team lead
admin-role-admin = Administrator
admin-field-unit = Department
admin-no-unit = No department
admin-field-password = First password
admin-password-hint = At least 12 characters. Hand it over by a secure route.
admin-save-staff = Add member of staff
admin-staff-saved = The member of staff has been added.
admin-policy-heading = Service-goal policy
admin-policy-intro = The policy file new inquiries are received under. It can only be changed in the file Frist is started with; older inquiries keep the version they were received under.
admin-err-unit-id = Write a code with lower-case letters, digits and hyphens.
admin-err-name = Write a name.
admin-err-username = Write a username with letters, digits, full stops, hyphens or underscores.
admin-err-username-taken = That username is already taken.
admin-err-role = Choose a role from the list.
admin-err-unit = Choose a department from the list.
admin-err-password = The password must have at least 12 characters.

## LeadWords

lead-title = Dashboard
lead-intro = How the deadlines stand right now, and how well we have kept our promises month by month.
lead-now-heading = Right now
lead-breached = Overdue
lead-due-today = Due today
lead-at-risk = At risk
lead-at-risk-hint = due the next working day
lead-open = Open inquiries
lead-show-list = Show the list
lead-load-heading = Load per caseworker
lead-load-caption = Open inquiries per caseworker, by how urgent the nearest deadline is
lead-col-caseworker = Caseworker
lead-unassigned = Not assigned
lead-absent-until = Absent until
lead-substitute = substitute
lead-compliance-heading = Service goals kept
# "{month}" is replaced by the month's name and year.
lead-compliance-intro = Deadlines falling due in { $month }. The share on time counts the deadlines met or missed; deadlines not yet due are pending.
lead-by-goal-caption = Compliance per service goal
lead-by-channel-caption = Compliance per channel
lead-col-goal = Service goal
lead-col-channel = Channel
lead-col-total = Deadlines
lead-col-met = On time
lead-col-met-late = Late
lead-col-breached = Missed
lead-col-pending = Pending
lead-col-on-time = Share on time
lead-col-median = Median (working days)
lead-nothing-due = No deadlines fell due in the chosen month (yet).
lead-not-measured = –
lead-month-label = Month
lead-month-show = Show
lead-csv = Download the tables as CSV
lead-col-target = Target
lead-target-reached = reached
lead-target-missed = not reached
lead-by-case-type-caption = Compliance by case type
lead-col-case-type = Case type
lead-no-case-type = No case type
lead-overall-heading = Are we keeping our promises?
lead-overall-label = of the deadlines falling due in { $month } were kept
lead-overall-target = The target for all deadlines is { $target }:
lead-overall-no-target = The service goals set no overall target (it is set with target under [reporting] in the policy file).
lead-goals-reached = { $reached } of { $total } service goals with a target reached it.
lead-overall-nothing = No deadline falling due in { $month } has been met or missed yet.
lead-trend-heading = The last 12 months
lead-trend-intro = The share of deadlines kept on time each month for each service goal. The dashed line is the target. The table below the charts has the same figures.
lead-trend-chart-label = Share on time per month for { $goal }
lead-trend-table-caption = Share on time per month and service goal
lead-col-month = Month
lead-list-title = The deadlines behind the figure
lead-list-all = All
lead-col-reference = Inquiry
lead-col-due = Deadline
lead-col-met-at = Met
lead-col-state = State
lead-col-outcome = Outcome
lead-col-waived = Waived
lead-list-empty = There are no deadlines behind this figure.
lead-next-page = Next page
lead-back = Back to the overview
lead-months-1 = January
lead-months-2 = February
lead-months-3 = March
lead-months-4 = April
lead-months-5 = May
lead-months-6 = June
lead-months-7 = July
lead-months-8 = August
lead-months-9 = September
lead-months-10 = October
lead-months-11 = November
lead-months-12 = December

## ActionWords (actions: call back, reclassify, closed and reopen, next inquiry)

act-callback-legend = Called back – was the citizen reached?
act-callback-reached = Yes, we spoke
act-callback-no-answer = No, nobody answered
act-callback-busy = No, the line was busy
act-callback-voicemail = No, I left a voicemail
act-field-callback-summary = Short summary
act-callback-summary-hint = Optional. For example what the citizen was told.
act-callback-button = Record the call
act-callback-completed-notice = The call is recorded, and the callback deadline is met.
act-callback-attempted-notice = The attempt is recorded. The citizen was not reached, so the callback deadline still applies.
act-ref-callback-outcome = Choose whether the citizen was reached.
act-classify-legend = What is the inquiry about?
act-ask-heading = What is the inquiry about?
act-ask-intro = The inquiry is not classified yet. Choose what it is about, so it gets the right deadlines.
act-field-kind = What is it about?
act-field-case-type = Case type
act-case-type-none = No case type
act-classify-button = Save the classification
act-reclassified-notice = The classification is saved, and the deadlines are computed again.
act-ref-unknown-kind = Choose what the inquiry is about from the list.
act-ref-unknown-case-type = The case type is not in the municipality's service goals. Choose a case type from the list.
act-fact-kind = About
act-fact-case-type = Case type
act-closed-heading = Closed
act-closed-text = The inquiry is closed ({ $reason }). No reply can be sent until it is reopened. A note or an error can still be recorded.
act-reopen-label = Why is the inquiry reopened?
act-reopen-hint = The reason is shown in the history.
act-reopen-button = Reopen
act-reopened-notice = The inquiry is reopened.
act-ref-reopen-reason = Write why the inquiry is reopened.
act-ref-not-closed = The inquiry is not closed, so it cannot be reopened.
act-next-inquiry = Next inquiry
act-no-next-inquiry = There are no other open inquiries in your queue.
act-feedback-legend = Praise, criticism or a complaint about the service
act-feedback-hint = Did the citizen give their view of the service on the phone, in a letter or at the counter? Record it here. It counts in the figures for satisfaction and complaints.
act-field-feedback-channel = How did it come?
act-field-feedback-kind = What is it?
act-feedback-comment = Praise or criticism
act-feedback-complaint = Complaint about the service
act-field-feedback-text = What did the citizen say?
act-field-feedback-score = The citizen's satisfaction
act-feedback-score-none = Not given
act-feedback-score-1 = 1 – Very dissatisfied
act-feedback-score-2 = 2 – Dissatisfied
act-feedback-score-3 = 3 – Neither satisfied nor dissatisfied
act-feedback-score-4 = 4 – Satisfied
act-feedback-score-5 = 5 – Very satisfied
act-feedback-button = Record the feedback
act-feedback-notice = The feedback was recorded and is in the timeline.
act-ref-feedback-channel = Choose how the feedback came.
act-ref-feedback-kind = Choose whether it is praise or criticism, or a complaint about the service.
act-ref-feedback-text = Write what the citizen said.
act-ref-feedback-score = Choose the citizen's satisfaction from 1 to 5, or “Not given”.

## QueuesWords (queues: open and closed inquiries, a substitute's cover)

queues-state-all-open = All open
queues-state-closed = Closed
# "{name}" is replaced by the absent colleague's name.
queues-cover-for = Covering for { $name }

## SearchWords (search: the header's field and the results page)

search-region-label = Search inquiries
search-field-label = Search
search-button = Search
search-title = Search inquiries
search-hint = Reference (e.g. HTK-2026-000123), the citizen's name, e-mail address, phone number or CVR number, or words from the subject and message. Open and closed inquiries, newest first.
search-caption = Inquiries matching the search, newest first
search-col-sender = Sender
search-col-state = State
search-col-deadline = Nearest deadline
# "{query}" is replaced by what was typed.
search-none-found = No inquiries match “{ $query }”.
search-cpr-left-out = CPR numbers cannot be searched for, so the CPR number was left out of the search.
search-type-something = Type what you are looking for.

# Notices and information requests (every message to the citizen through the outbox)
ntc-request-legend = Request information from the citizen
ntc-request-hint = The citizen gets a message saying what we need and by when. Deadlines that can be paused stop counting while we wait.
ntc-field-request-text = What do we need?
ntc-field-request-date = Reply by
ntc-request-button = Send the request
ntc-extended-queued = The deadline has been extended. The message to the citizen is in the outbox and is being sent. The timeline shows it as sent as soon as the recipient's system has accepted it.
ntc-extended-undelivered = The deadline has been extended. The message to the citizen is saved in the outbox but has not been sent: no delivery is set up for the channel on the server. Contact your IT department.
ntc-extended-on-status-page = The deadline has been extended. The citizen can see the new date and the reason on their status page.
ntc-extended-not-sent = The deadline has been extended, but Frist has not told the citizen: there is neither an e-mail address nor a postal address to send to. Tell the citizen another way, for example by phone.
ntc-request-queued = The inquiry is now waiting for the citizen. The request is in the outbox and is being sent. The timeline shows it as sent as soon as the recipient's system has accepted it.
ntc-request-undelivered = The inquiry is now waiting for the citizen. The request is saved in the outbox but has not been sent: no delivery is set up for the channel on the server. Contact your IT department.
ntc-request-on-status-page = The inquiry is now waiting for the citizen, who can see the request on their status page.
ntc-request-not-sent = The inquiry is now waiting for the citizen, but Frist has not sent the request: there is neither an e-mail address nor a postal address to send to. Ask the citizen another way, for example by phone.
ntc-ref-request-text = Write which information we need.
ntc-ref-request-date = Write the date by which the citizen should reply, after today, e.g. 2027-01-15.
ntc-ref-request-rules = The request does not meet the service goals or the channel's rules. Choose another channel or change the text.
ntc-ref-no-recipient = The message cannot be sent: the citizen has given no address for the channel the reply would take. Nothing was saved.

# Message templates (/admin/skabeloner)
tmpl-title = Templates
tmpl-intro = The text a message to the citizen starts with, for each kind of message, case type and language. Frist adds the greeting and the signature (name, unit and direct phone) itself from the staff directory. An edited text comes before the policy's and Frist's standard text.
tmpl-admin-link = Message templates
tmpl-admin-link-hint = Edit the texts that acknowledgments, answers, decisions, information requests and extension notices start with.
tmpl-caption = Templates by message and case type, and where the text comes from in each language
tmpl-col-kind = Message
tmpl-col-case-type = Case type
tmpl-all-case-types = All case types
tmpl-kind-acknowledgment = Acknowledgment
tmpl-kind-answer = Answer
tmpl-kind-decision = Decision
tmpl-kind-information-request = Information request
tmpl-kind-extension-notice = Extension notice
tmpl-source-standard = Standard
tmpl-source-policy = Policy
tmpl-source-edited = Edited
tmpl-for-all = (all case types)
tmpl-edit-link = Edit { $kind }, { $case_type }, { $lang }
tmpl-edit = Edit
tmpl-edit-title = Edit template
tmpl-edit-intro = The text is used for new messages of this kind. Messages already sent do not change.
tmpl-now-from = The text now comes from:
tmpl-changed = Last edited by { $by } { $when }.
tmpl-field-body = Text
tmpl-body-hint = Write the text that goes between the greeting and the signature. Words in curly braces are filled in when the message is written; only those in the list below can be used.
tmpl-placeholders-caption = Placeholders you can use
tmpl-ph-reference = the inquiry's reference number
tmpl-ph-caseworker = the caseworker's name
tmpl-ph-date-acknowledgment = the date the citizen can expect an answer
tmpl-ph-date-information-request = the date the citizen must reply by
tmpl-ph-date-extension-notice = the new deadline
tmpl-ph-needed = what we need
tmpl-ph-reason = the reason for the extension
tmpl-ph-complaint-to = whom to complain to (from the case type)
tmpl-ph-complaint-deadline = the deadline for complaints (from the case type)
tmpl-save = Save template
tmpl-restore = Restore standard
tmpl-restore-hint = Deletes the edit. The policy's text or Frist's standard text is then used again.
tmpl-back = Back to the templates
tmpl-saved = The template is saved.
tmpl-restored = The edit is deleted. The standard text is used again.
tmpl-err-empty = Write a text. A template cannot be empty.
tmpl-err-placeholder = { $placeholder } cannot be used in this kind of message. Use only the placeholders in the list.

## Notices to staff (the scheduler's e-mails and the notifications page)
notice-warning-subject = Deadline approaching: { $reference }
notice-warning-body = The deadline for { $reference } “{ $subject }” under service goal { $goal } is { $date }. { $share } % of the time has passed.
notice-warning-to-unit = Nobody owns the inquiry, so this goes to { $unit }.
notice-escalation-subject = Deadline missed: { $reference }
notice-escalation-body = The deadline for { $reference } “{ $subject }” under service goal { $goal } was { $date } and has passed. Caseworker: { $caseworker }.
notice-nobody = nobody
notice-digest-subject = Today's overview { $date }: { $due_today } due today, { $overdue } overdue
notice-digest-greeting = Good morning { $name }. Here are your inquiries with deadlines on { $date }.
notice-digest-overdue = { $count ->
    [one] 1 inquiry is overdue
   *[other] { $count } inquiries are overdue
}
notice-digest-due-today = { $count ->
    [one] 1 inquiry is due today
   *[other] { $count } inquiries are due today
}
notice-digest-at-risk = { $count ->
    [one] 1 inquiry is due the next working day
   *[other] { $count } inquiries are due the next working day
}
notice-digest-new = { $count ->
    [one] 1 new inquiry since the last overview
   *[other] { $count } new inquiries since the last overview
}
notice-digest-handed = { $count ->
    [one] 1 inquiry was handed to you since the last overview
   *[other] { $count } inquiries were handed to you since the last overview
}
notice-digest-covering = You cover for { $name } (away until { $until }): { $overdue } overdue, { $due_today } due today.
notice-digest-more = … and { $count } more.
notice-digest-item = { $reference } “{ $subject }”, due { $date }
notice-digest-nothing = None of your inquiries is due today or the next working day.
notice-digest-off = You can turn the daily overview off under Notifications in Frist.
notice-report-subject = Monthly report { $month }: { $share } on time
notice-report-subject-none = Monthly report { $month }: no deadlines fell due
notice-report-intro = Service goals kept in { $month } (deadlines that fell due in the month).
notice-report-goals = By service goal
notice-report-units = By unit
notice-report-row = { $group }: { $on_time } on time of { $due } ({ $share }), { $late } late, { $breached } missed, { $pending } pending
notice-report-none = no deadlines
notice-share-none = –
nav-notifications = Notifications
nav-counts = { $due_today } today, { $overdue } overdue
nav-counts-label = My inquiries: { $due_today } due today, { $overdue } overdue
notif-title = Notifications
notif-intro = What Frist has sent you: the daily overview, warnings before a deadline and escalations when one has passed.
notif-empty = You have no notifications yet.
notif-col-when = When
notif-col-kind = Kind
notif-col-subject = Subject
notif-col-state = State
notif-kind-digest = Daily overview
notif-kind-warning = Warning
notif-kind-escalation = Escalation
notif-kind-monthly-report = Monthly report
notif-state-queued = Waiting
notif-state-sending = Sending
notif-state-sent = Sent
notif-state-failed = Not sent
notif-state-uncertain = Uncertain
notif-to-unit = to { $unit }
notif-open = Open
notif-older = Older notifications
notif-settings = Settings
notif-digest-label = Send me a daily overview in the morning on working days
notif-digest-hint = The overview comes at opening time and never on weekends, public holidays or while you are registered as away.
notif-save = Save
notif-saved-on = You will get a daily overview.
notif-saved-off = You will no longer get a daily overview.
notif-no-email = There is no e-mail address for you in the staff list, so Frist cannot send you anything. Ask an administrator to add it.

## /ledelse/service: the service report (svc-*)
svc-title = Service report
svc-intro = Inquiries received in the month: how many were referred and handed over, phone inquiries handled at first contact against messages taken, errors registered, the citizens' satisfaction, promised answer dates kept, and working days to the final answer – gross and net of the time the inquiry waited for the citizen (median / 9 in 10).
svc-group-label = Grouped by
svc-by-channel = Channel
svc-by-unit = Unit
svc-by-case-type = Case type
svc-by-sender-kind = Citizen or business
svc-by-month = Month
svc-show = Show
svc-caption = Service report for inquiries received in { $month }
svc-col-received = Received
svc-col-referred = Referred
svc-col-more-than-once = Of these, more than once
svc-col-handed-over = Handed over
svc-col-phone-first = Phone, handled at first contact
svc-col-phone-messages = Phone messages taken
svc-col-errors = Errors
svc-col-satisfaction = Satisfaction (answers)
svc-col-promised = Promised dates kept
svc-col-gross = Days to answer, gross
svc-col-net = Days to answer, net
svc-none = No inquiries were received in the month.
svc-person = Citizens
svc-business = Businesses
svc-link = See the month's service report
svc-back = Back to the overview

## SignInWords: signing in through the identity provider (oidc-*)

oidc-intro = Sign in with your work account to see and handle inquiries.
oidc-or-password = Or with username and password
oidc-passwords-off = Signing in with a username and password is turned off in Frist. Use the button to sign in with your work account.
oidc-no-access-title = You have no access to Frist
oidc-no-access-text = Your work account is fine, but it gives no access to Frist: you are not in any of the groups Frist gives access to. You are therefore not signed in.
oidc-no-access-ask = Ask your lead or the municipality's IT department to give you access to Frist. Once your account is in one of Frist's groups, you can sign in.
oidc-cancelled-title = Signing in was cancelled
oidc-cancelled-text = Signing in with your work account was cancelled or refused, so you are not signed in to Frist.
oidc-expired-title = Signing in could not be completed
oidc-expired-text = Signing in took too long, or it was started in another window. You are not signed in to Frist. Start again.
oidc-failed-title = Signing in failed
oidc-failed-text = Frist could not complete signing in with your work account, so you are not signed in. Try again in a moment. If it happens again, contact the municipality's IT department.
oidc-no-username-title = Your account has no username
oidc-no-username-text = Your work account has no username Frist can use, so you are not signed in. Contact the municipality's IT department.
oidc-taken-title = The username is already in use
oidc-taken-text = Another account in Frist already has your username, so you are not signed in. Ask Frist's administrator for help.
oidc-ask-heading = Who can help
oidc-try-again = Back to signing in
