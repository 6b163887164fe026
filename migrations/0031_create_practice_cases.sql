-- The practice library («методическая копилка педагогических практик наставничества», issue 15): cases written by
-- a mentor or the curator from a pair's work, reviewed by the curator, read by everyone in the organisation.
CREATE TABLE practice_cases (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    author_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    pair_id               bigint REFERENCES pairs (id) ON DELETE SET NULL,
    topic                 text NOT NULL,       -- a label of the organisation's competency taxonomy
    title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    difficulty            text NOT NULL,
    actions               text NOT NULL,
    result                text NOT NULL,
    -- submitted (waits for the curator) | returned (with a comment, the author corrects it) | approved | rejected
    status                text NOT NULL CHECK (status IN ('submitted', 'returned', 'approved', 'rejected')),
    review_comment        text,
    reviewed_by           bigint REFERENCES participants (id) ON DELETE SET NULL,
    submitted_at          timestamptz NOT NULL,
    reviewed_at           timestamptz
);
CREATE INDEX practice_cases_org_idx ON practice_cases (organisation_id, status);

-- Files attached to a case: the messenger's file id (opaque, downloaded on demand), name and size as reported.
CREATE TABLE practice_case_materials (
    case_id    bigint NOT NULL REFERENCES practice_cases (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position > 0),
    file_id    text NOT NULL,
    file_name  text,
    file_size  bigint,
    PRIMARY KEY (case_id, position)
);
