-- The proposal record beside the process (DESIGN.md, "The record"). Written in the same transaction as the
-- process step that causes each change. Portable SQL for PostgreSQL and H2.

CREATE TABLE proposal (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    session_code             VARCHAR(20)   NOT NULL,
    kind                     VARCHAR(16)   NOT NULL,
    submitted_kind           VARCHAR(16)   NOT NULL,
    case_number              INTEGER,
    title                    VARCHAR(200)  NOT NULL,
    content                  VARCHAR(50000) NOT NULL,
    priority                 VARCHAR(8)    NOT NULL DEFAULT 'NORMAL',
    status                   VARCHAR(24)   NOT NULL,
    lead_deputy              VARCHAR(64)   NOT NULL,
    submitted_by             VARCHAR(64)   NOT NULL,
    submitted_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at              TIMESTAMP WITH TIME ZONE,
    review_comment           VARCHAR(2000),
    first_assigned_at        TIMESTAMP WITH TIME ZONE,
    assigned_at              TIMESTAMP WITH TIME ZONE,
    lead_agency              VARCHAR(32)   REFERENCES agency (code),
    reply_issuer             VARCHAR(32)   REFERENCES agency (code),
    reply_due                DATE,
    co_opinion_due           DATE,
    assignment_round         INTEGER       NOT NULL DEFAULT 0,
    rehandling_round         INTEGER       NOT NULL DEFAULT 0,
    replied_at               TIMESTAMP WITH TIME ZONE,
    satisfaction             VARCHAR(24),
    final_classification     VARCHAR(1),
    evaluation_comment       VARCHAR(2000),
    progress_due             DATE,
    closed_at                TIMESTAMP WITH TIME ZONE,
    publishable              BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at             TIMESTAMP WITH TIME ZONE,
    view_count               BIGINT        NOT NULL DEFAULT 0,
    process_instance_id      VARCHAR(64),
    CONSTRAINT uq_proposal_case_number UNIQUE (session_code, kind, case_number)
);
CREATE INDEX ix_proposal_status ON proposal (status);
CREATE INDEX ix_proposal_lead_agency ON proposal (lead_agency);
CREATE INDEX ix_proposal_lead_deputy ON proposal (lead_deputy);
CREATE INDEX ix_proposal_published ON proposal (published_at);

-- Co-signing deputies (附议人), in the order given.
CREATE TABLE proposal_co_signer (
    proposal_id  VARCHAR(36) NOT NULL REFERENCES proposal (id),
    deputy_id    VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    PRIMARY KEY (proposal_id, deputy_id)
);
CREATE INDEX ix_co_signer_deputy ON proposal_co_signer (deputy_id);

-- Gap-free case numbers (案号) per session and kind: the row is locked while a number is taken.
CREATE TABLE case_number_counter (
    session_code VARCHAR(20) NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (session_code, kind)
);

-- Agencies of each assignment round (交办): one lead, co-agencies in the order given. A dispute leads to a new round.
CREATE TABLE proposal_agency (
    proposal_id  VARCHAR(36) NOT NULL REFERENCES proposal (id),
    round        INTEGER     NOT NULL,
    agency_code  VARCHAR(32) NOT NULL REFERENCES agency (code),
    role         VARCHAR(8)  NOT NULL,
    position     INTEGER     NOT NULL,
    assigned_by  VARCHAR(64) NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (proposal_id, round, agency_code)
);
CREATE INDEX ix_proposal_agency_code ON proposal_agency (agency_code);

-- Every reply version (答复/复函) drafted by the lead agency, with its sign-off outcome.
CREATE TABLE reply (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    proposal_id              VARCHAR(36)   NOT NULL REFERENCES proposal (id),
    version                  INTEGER       NOT NULL,
    rehandling_round         INTEGER       NOT NULL,
    agency_code              VARCHAR(32)   NOT NULL REFERENCES agency (code),
    issuer_code              VARCHAR(32)   NOT NULL REFERENCES agency (code),
    text                     VARCHAR(100000) NOT NULL,
    classification           VARCHAR(1)    NOT NULL,
    communication_method     VARCHAR(16)   NOT NULL,
    contact_person           VARCHAR(50),
    contact_phone            VARCHAR(30),
    publishable              BOOLEAN       NOT NULL,
    planned_resolution_date  DATE,
    drafted_by               VARCHAR(64)   NOT NULL,
    drafted_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    signed_by                VARCHAR(64),
    signed_at                TIMESTAMP WITH TIME ZONE,
    sign_off_comment         VARCHAR(2000),
    reply_date               DATE,
    CONSTRAINT uq_reply_version UNIQUE (proposal_id, version)
);

-- Co-agency opinions (协办意见), one per co-agency and assignment round.
CREATE TABLE co_opinion (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    proposal_id  VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    round        INTEGER      NOT NULL,
    agency_code  VARCHAR(32)  NOT NULL REFERENCES agency (code),
    text         VARCHAR(20000),
    status       VARCHAR(16)  NOT NULL,
    due          DATE         NOT NULL,
    submitted_by VARCHAR(64),
    submitted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_co_opinion UNIQUE (proposal_id, round, agency_code)
);

-- The deputy's feedback (代表评价) on each delivered reply.
CREATE TABLE feedback (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    proposal_id  VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    round        INTEGER      NOT NULL,
    satisfaction VARCHAR(24)  NOT NULL,
    comment      VARCHAR(5000),
    given_by     VARCHAR(64),
    given_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_feedback_round UNIQUE (proposal_id, round)
);

-- Extension requests (延期申请) and their decisions.
CREATE TABLE extension_request (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    proposal_id     VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    reason          VARCHAR(2000) NOT NULL,
    requested_until DATE         NOT NULL,
    previous_due    DATE         NOT NULL,
    requested_by    VARCHAR(64)  NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decision        VARCHAR(16),
    decided_by      VARCHAR(64),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_comment VARCHAR(2000)
);

-- Progress reports (跟踪落实) for B replies.
CREATE TABLE progress_report (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    proposal_id  VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    report       VARCHAR(20000) NOT NULL,
    resolved     BOOLEAN      NOT NULL,
    due          DATE,
    reported_by  VARCHAR(64)  NOT NULL,
    reported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Reminders and overdue alerts. The unique key makes an alert for one deadline and repetition exist once, even when
-- several nodes run the same due job.
CREATE TABLE alert (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    proposal_id      VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    kind             VARCHAR(32)  NOT NULL,
    subject          VARCHAR(64)  NOT NULL,
    deadline         DATE         NOT NULL,
    repetition       INTEGER      NOT NULL,
    recipients       VARCHAR(1000) NOT NULL,
    message          VARCHAR(2000) NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by  VARCHAR(64),
    acknowledged_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_alert_once UNIQUE (proposal_id, kind, subject, deadline, repetition)
);
CREATE INDEX ix_alert_open ON alert (acknowledged_at, raised_at);

-- Timeline (办理过程): every step, who did it and when.
CREATE TABLE timeline_event (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    proposal_id  VARCHAR(36)  NOT NULL REFERENCES proposal (id),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    detail       VARCHAR(4000),
    internal     BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX ix_timeline_proposal ON timeline_event (proposal_id, id);
