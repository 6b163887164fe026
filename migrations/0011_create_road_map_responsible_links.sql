-- Responsible persons («ответственный») the curator linked by hand to a member (issue 3). Kept by
-- organisation and the position's normalised form (ResponsibleLinking.Normalise), not by
-- road_map_responsible_persons row, so a re-import (which recreates those rows) and every relink
-- keep them. ResponsibleLinks.RelinkAsync copies them into road_map_responsible_persons.membership_id.
CREATE TABLE road_map_responsible_links (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name_key         text NOT NULL CHECK (length(name_key) > 0),
    membership_id    bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    linked_by        bigint REFERENCES participants (id) ON DELETE SET NULL,
    linked_at        timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, name_key)
);
