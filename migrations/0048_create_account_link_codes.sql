-- /link (issue 16): a one-time code joins a person's account in another messenger to them. Only the code's SHA-256
-- is stored; a code lives 10 minutes and is used once. Wrong or expired codes are counted per account (5 an hour).
CREATE TABLE account_link_codes (
    code_hash       bytea PRIMARY KEY,
    participant_id  bigint NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX account_link_codes_participant_idx ON account_link_codes (participant_id);

CREATE TABLE account_link_attempts (
    account_id    bigint NOT NULL REFERENCES messenger_accounts(id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL
);
CREATE INDEX account_link_attempts_account_idx ON account_link_attempts (account_id, attempted_at);
