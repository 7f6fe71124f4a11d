-- Extension requests of a proposal are numbered in the order they were made: "the latest request" must not depend
-- on two timestamps being different. Existing requests are numbered by their time (and id, for equal times).
ALTER TABLE extension_request ADD COLUMN request_no INTEGER;
UPDATE extension_request SET request_no = (
    SELECT COUNT(*) FROM extension_request earlier
    WHERE earlier.proposal_id = extension_request.proposal_id
      AND (earlier.requested_at < extension_request.requested_at
           OR (earlier.requested_at = extension_request.requested_at AND earlier.id <= extension_request.id)));
