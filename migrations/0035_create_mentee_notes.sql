-- Notes on a mentee's needs written by a colleague (a psychologist or the head; issue 15): shown to the curator on the
-- mentee's card and in the matching's reasons; counted in the score only when the organisation turns it on. Personal
-- data: deleted when the mentee or the author withdraws the consent (PersonalDataErasure).
CREATE TABLE mentee_notes (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    mentee_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    author_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    author_role           text NOT NULL CHECK (author_role IN ('head', 'psychologist')),
    topic                 text,                -- a label of the organisation's competency taxonomy, or null (other)
    text                  text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    created_at            timestamptz NOT NULL
);
CREATE INDEX mentee_notes_mentee_idx ON mentee_notes (mentee_membership_id);
CREATE INDEX mentee_notes_author_idx ON mentee_notes (author_membership_id);

-- The curator's switch: the topics of colleagues' notes count as the mentee's requests in the matching score.
ALTER TABLE organisations ADD COLUMN notes_in_matching boolean NOT NULL DEFAULT false;
