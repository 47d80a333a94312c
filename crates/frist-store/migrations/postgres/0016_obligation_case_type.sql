-- Compliance by case type (issue 12): each obligation row carries its inquiry's case type, so
-- that a report groups by it as by unit or channel. Written with the projection like the other
-- columns; the rows already there are filled in from the projections.
ALTER TABLE obligations ADD COLUMN case_type TEXT;

UPDATE obligations o
SET case_type = i.projection->>'case_type'
FROM inquiries i
WHERE i.id = o.inquiry_id AND i.projection->>'case_type' IS NOT NULL;
