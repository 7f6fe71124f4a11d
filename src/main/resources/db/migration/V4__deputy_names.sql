-- The deputies' names as recorded at submission (领衔人, 附议人): a user's profile may change later, the record keeps
-- who signed it. Records made before this column existed get the names at the next start (ProposalRecords).
ALTER TABLE proposal ADD COLUMN lead_deputy_name VARCHAR(100);
ALTER TABLE proposal_co_signer ADD COLUMN deputy_name VARCHAR(100);
