-- The front desk finds a person's earlier inquiries by phone number, e-mail address or the
-- start of the name. Phone numbers are kept as digits without the Danish country code, e-mail
-- addresses in lower case (frist_core::sender::{phone_key, email_key}); the backfill below
-- does the same in SQL for the common spellings.
ALTER TABLE inquiries ADD COLUMN sender_phone TEXT;
ALTER TABLE inquiries ADD COLUMN sender_email TEXT;
-- The name in lower case, as Rust lowers it (SQLite's lower() knows only ASCII).
ALTER TABLE inquiries ADD COLUMN sender_name_key TEXT;
UPDATE inquiries SET sender_name_key = lower(sender_name);

UPDATE inquiries SET
    sender_email = lower(trim(json_extract(projection, '$.received.sender.email'))),
    sender_phone = replace(replace(replace(replace(replace(
        json_extract(projection, '$.received.sender.phone'),
        ' ', ''), '-', ''), '(', ''), ')', ''), '.', '');
UPDATE inquiries SET sender_phone = substr(sender_phone, 4) WHERE sender_phone LIKE '+45%';
UPDATE inquiries SET sender_phone = substr(sender_phone, 5) WHERE sender_phone LIKE '0045%';
UPDATE inquiries SET sender_phone = NULL WHERE sender_phone = '';
UPDATE inquiries SET sender_email = NULL WHERE sender_email = '';

CREATE INDEX inquiries_sender_phone ON inquiries (sender_phone, received_at)
    WHERE sender_phone IS NOT NULL;
CREATE INDEX inquiries_sender_email ON inquiries (sender_email, received_at)
    WHERE sender_email IS NOT NULL;
CREATE INDEX inquiries_sender_name ON inquiries (sender_name_key)
    WHERE sender_name_key IS NOT NULL;
