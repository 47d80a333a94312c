-- Compliance by case type (issue 12): each obligation row carries its inquiry's case type, so
-- that a report groups by it as by unit or channel. Written with the projection like the other
-- columns; the rows already there are filled in from the projections.
ALTER TABLE obligations ADD COLUMN case_type TEXT;

UPDATE obligations
SET case_type = (SELECT json_extract(i.projection, '$.case_type') FROM inquiries i
                 WHERE i.id = obligations.inquiry_id)
WHERE inquiry_id IN (SELECT id FROM inquiries
                     WHERE json_extract(projection, '$.case_type') IS NOT NULL);
