-- Information support (issue 15): each ready text the curator took with /publish, dated, and the road map's
-- information-support stage or activity it counts for («освещение на сайте и в социальных сетях»).
CREATE TABLE publications (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    stage_id         bigint REFERENCES road_map_stages (id) ON DELETE SET NULL,
    activity_id      bigint REFERENCES road_map_activities (id) ON DELETE SET NULL,
    period_from      date NOT NULL,
    period_to        date NOT NULL,
    text             text NOT NULL,
    published_by     bigint REFERENCES participants (id) ON DELETE SET NULL,
    published_at     timestamptz NOT NULL
);
