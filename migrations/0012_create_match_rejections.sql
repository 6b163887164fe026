-- Proposals the curator rejected in /match (issue 5): the matcher never proposes that mentor for that
-- mentee again, until the curator clears the rejections («Пересчитать с нуля»). A rejected proposal
-- was never a pair, so it leaves no row in pairs.
CREATE TABLE match_rejections (
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    mentee_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    mentor_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    rejected_by           bigint REFERENCES participants (id) ON DELETE SET NULL,
    rejected_at           timestamptz NOT NULL,
    PRIMARY KEY (mentee_membership_id, mentor_membership_id)
);
CREATE INDEX match_rejections_org_idx ON match_rejections (organisation_id);
