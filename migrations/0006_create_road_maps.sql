-- An organisation's programme as its own road map («дорожная карта») states it (issue 3).
-- One plan per organisation; a re-import replaces it in one transaction, carrying done marks over
-- where a stage's number and title match. Stage periods and responsible persons are stored as the
-- parser reports them: the stage's own together with its activities' (deduplicated), so a stage
-- row alone is enough to show and to remind.
CREATE TABLE road_maps (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id    uuid NOT NULL UNIQUE REFERENCES organisations (id) ON DELETE CASCADE,
    title              text,
    -- the organisation as the document's title block names it, which may differ from organisations.name
    organisation_name  text,
    approved_on        date,
    -- the year month-only periods fall in, and the last year a yearly period repeats in
    year               integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    last_year          integer NOT NULL,
    -- the title names an academic year: January–August fall in year + 1
    academic_year      boolean NOT NULL DEFAULT false,
    source_name        text NOT NULL,
    source_text        text NOT NULL,
    imported_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (last_year >= year)
);

-- A stage («этап»). status is stored only as open/done; planned, in progress and overdue are
-- computed from the periods in the organisation's time zone.
CREATE TABLE road_map_stages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    road_map_id      bigint NOT NULL REFERENCES road_maps (id) ON DELETE CASCADE,
    -- 1-based order in the document; number is kept as written («1», «IV»), even duplicated
    position         integer NOT NULL CHECK (position > 0),
    number           text NOT NULL,
    title            text NOT NULL,
    task             text,
    expected_result  text,
    -- DefaultSchedule.Classify of the title
    kind             text NOT NULL CHECK (kind IN ('preparation', 'mentee_bank', 'mentor_bank', 'selection_and_training',
                                                   'pairs', 'pair_work', 'completion', 'information_support', 'other')),
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_at          timestamptz,
    done_by          bigint REFERENCES participants (id) ON DELETE SET NULL,
    UNIQUE (road_map_id, position),
    CHECK ((status = 'done') = (done_at IS NOT NULL)),
    CHECK (status = 'done' OR done_by IS NULL)
);

-- An activity («мероприятие»): a numbered sub-row («1.1») or one item of a stage's content cell.
CREATE TABLE road_map_activities (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage_id   bigint NOT NULL REFERENCES road_map_stages (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position > 0),
    -- «1.1» for a numbered sub-row, null for an item split out of a content cell
    number     text,
    text       text NOT NULL,
    status     text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_at    timestamptz,
    done_by    bigint REFERENCES participants (id) ON DELETE SET NULL,
    UNIQUE (stage_id, position),
    CHECK ((status = 'done') = (done_at IS NOT NULL)),
    CHECK (status = 'done' OR done_by IS NULL)
);

-- When a stage or an activity happens («сроки»): an inclusive date range plus a recurrence.
-- Dates are null for on-demand periods and for phrases the parser did not recognise (the text is
-- kept for the curator to fix). is_default: not in the document, DefaultSchedule's academic-year
-- period for the stage's kind.
CREATE TABLE road_map_periods (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage_id     bigint REFERENCES road_map_stages (id) ON DELETE CASCADE,
    activity_id  bigint REFERENCES road_map_activities (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position > 0),
    text         text NOT NULL,
    starts_on    date,
    ends_on      date,
    recurrence   text NOT NULL CHECK (recurrence IN ('none', 'yearly', 'weekly', 'on_demand')),
    weekday      text CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    is_default   boolean NOT NULL DEFAULT false,
    CHECK (num_nonnulls(stage_id, activity_id) = 1),
    CHECK ((starts_on IS NULL) = (ends_on IS NULL)),
    CHECK (starts_on <= ends_on),
    CHECK (weekday IS NULL OR recurrence = 'weekly'),
    CHECK (recurrence <> 'on_demand' OR starts_on IS NULL),
    CHECK (NOT is_default OR stage_id IS NOT NULL)
);
CREATE UNIQUE INDEX road_map_periods_stage_idx ON road_map_periods (stage_id, position) WHERE stage_id IS NOT NULL;
CREATE UNIQUE INDEX road_map_periods_activity_idx ON road_map_periods (activity_id, position) WHERE activity_id IS NOT NULL;

-- A responsible person («ответственный») of a stage or an activity, as written: a position
-- («Заведующий ДОУ») or a name. Linking to a participant comes with roles (issue 4).
CREATE TABLE road_map_responsible_persons (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage_id     bigint REFERENCES road_map_stages (id) ON DELETE CASCADE,
    activity_id  bigint REFERENCES road_map_activities (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position > 0),
    name         text NOT NULL CHECK (length(btrim(name)) > 0),
    CHECK (num_nonnulls(stage_id, activity_id) = 1)
);
CREATE UNIQUE INDEX road_map_responsible_persons_stage_idx ON road_map_responsible_persons (stage_id, position) WHERE stage_id IS NOT NULL;
CREATE UNIQUE INDEX road_map_responsible_persons_activity_idx ON road_map_responsible_persons (activity_id, position) WHERE activity_id IS NOT NULL;
