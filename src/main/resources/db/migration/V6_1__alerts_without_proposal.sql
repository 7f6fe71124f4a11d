-- Alerts about the application rather than one proposal (the working-day calendar has no data for next year): such
-- an alert names a topic instead of a proposal, and exists once per topic, kind, deadline and repetition (a unique
-- key that leaves the proposals' alerts, whose topic is empty, to their own). Their notifications have no proposal
-- either.
ALTER TABLE alert ALTER COLUMN proposal_id DROP NOT NULL;
ALTER TABLE alert ADD COLUMN topic VARCHAR(64);
ALTER TABLE alert ADD CONSTRAINT uq_alert_topic_once UNIQUE (topic, kind, deadline, repetition);
ALTER TABLE notification ALTER COLUMN proposal_id DROP NOT NULL;
