-- Programme events (issue 15): round tables, seminars, conferences, contests, the closing ceremony — from a road-map
-- activity or new; invitations with «Приду / Не смогу», attendance and a short outcome.
CREATE TABLE events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    activity_id      bigint REFERENCES road_map_activities (id) ON DELETE SET NULL,
    kind             text NOT NULL CHECK (kind IN ('round_table', 'seminar', 'conference', 'contest', 'ceremony', 'other')),
    title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    starts_at        timestamptz NOT NULL,
    place            text NOT NULL,
    audience         text NOT NULL CHECK (audience IN ('everyone', 'mentors', 'mentees', 'pairs')),
    outcome          text,
    created_by       bigint REFERENCES participants (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX events_org_idx ON events (organisation_id, starts_at);

-- Who was invited, what they answered, and whether they came (null = not marked).
CREATE TABLE event_invitations (
    event_id       bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    response       text CHECK (response IN ('yes', 'no')),
    responded_at   timestamptz,
    attended       boolean,
    PRIMARY KEY (event_id, membership_id)
);
