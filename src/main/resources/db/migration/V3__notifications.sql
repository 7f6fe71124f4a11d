-- Notifications (通知) by mail and webhook: an outbox. A notification is written in the transaction of the step that
-- causes it, together with one engine job per delivery; the job sends it after the commit, retries with back-off and
-- marks the delivery sent in the transaction in which it completes. Portable SQL for PostgreSQL and H2.

CREATE TABLE notification (
    id           VARCHAR(36)     NOT NULL PRIMARY KEY,
    proposal_id  VARCHAR(36)     NOT NULL REFERENCES proposal (id),
    alert_id     VARCHAR(36)     REFERENCES alert (id),
    kind         VARCHAR(32)     NOT NULL,
    -- whom it is meant for: group:<group id> and user:<user id>, comma-separated
    audience     VARCHAR(2000)   NOT NULL,
    subject      VARCHAR(400)    NOT NULL,
    body         VARCHAR(200000) NOT NULL,
    link         VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_notification_proposal ON notification (proposal_id);
CREATE INDEX ix_notification_alert ON notification (alert_id);

-- One delivery per channel and destination: MAIL (one message to all addresses), WEBHOOK (one POST per configured
-- group URL) or LOG (no mail server configured: the mail is written to the log).
-- status: PENDING → SENT | LOGGED; FAILED after the last retry (an incident in Cockpit); UNDELIVERABLE when there
-- was no address to send to.
CREATE TABLE notification_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    notification_id  VARCHAR(36)   NOT NULL REFERENCES notification (id),
    channel          VARCHAR(16)   NOT NULL,
    target           VARCHAR(4000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    last_error       VARCHAR(2000),
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    job_id           VARCHAR(64),
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_delivery_notification ON notification_delivery (notification_id);
CREATE INDEX ix_delivery_status ON notification_delivery (status);
