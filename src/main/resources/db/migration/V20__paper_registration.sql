-- Proposals received on paper (纸质议案建议), registered by the congress office from an Excel file: the paper register
-- number (登记号), unique per session, so that a file uploaded twice registers nothing twice, and the day it was
-- received. Its co-signatures are those of proposal_co_signer, given on paper (answer ON_PAPER, recorded by the clerk,
-- answered on the day received).
CREATE TABLE paper_registration (
    proposal_id      VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES proposal (id),
    session_code     VARCHAR(20) NOT NULL,
    register_number  VARCHAR(32) NOT NULL,
    received_on      DATE        NOT NULL,
    registered_by    VARCHAR(64) NOT NULL,
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ux_paper_register_number UNIQUE (session_code, register_number)
);
