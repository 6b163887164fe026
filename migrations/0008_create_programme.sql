-- The programme's people and their work (issues 4–7): memberships and roles, invites, consents,
-- questionnaires, pairs and their plans, meetings, feedback polls, flags, road-map audit.
-- One migration so every feature builds on the same shape; later changes go in new files.

-- The organisation's editable difficulty/competency taxonomy; null = the built-in list.
ALTER TABLE organisations
    ADD COLUMN competencies text[],
    -- when background messages may go out (DESIGN.md decision 6); digest cron is per organisation
    ADD COLUMN working_hours_start time NOT NULL DEFAULT '09:00',
    ADD COLUMN working_hours_end   time NOT NULL DEFAULT '18:00',
    ADD COLUMN digest_cron         text NOT NULL DEFAULT '0 0 9 ? * MON';

-- The organisation a person acts in now (they may belong to several and pick one).
ALTER TABLE participants
    ADD COLUMN current_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    -- /pause: non-essential nudges muted until then
    ADD COLUMN nudges_paused_until timestamptz;
-- erasure nulls the chat too (152-ФЗ: no identifier survives withdrawal)
ALTER TABLE participants ALTER COLUMN chat_id DROP NOT NULL;

-- A person in an organisation. Personal fields asked in chat live here (not in participants) so that
-- erasure per organisation is one row; full_name is what the person typed («Иванова Мария Петровна»).
CREATE TABLE memberships (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    participant_id   bigint NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    full_name        text,
    position         text,       -- «учитель математики», «старший воспитатель»: links road-map responsible persons
    subject          text,
    joined_at        timestamptz NOT NULL DEFAULT now(),
    -- active | declined (personal-data consent declined: nothing else kept) | erased (consent withdrawn)
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'declined', 'erased')),
    UNIQUE (organisation_id, participant_id)
);

-- Roles within an organisation; one person may hold several (issue 4).
CREATE TABLE membership_roles (
    membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    role           text NOT NULL CHECK (role IN ('curator', 'mentor', 'mentee', 'head')),
    granted_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (membership_id, role)
);

-- Invite links: https://t.me/<bot>?start=<token>; token ≥ 128 bits, base64url, ≤ 64 characters.
CREATE TABLE invites (
    token            text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{22,64}$'),
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role             text NOT NULL CHECK (role IN ('curator', 'mentor', 'mentee', 'head')),
    max_uses         integer CHECK (max_uses > 0),       -- null = unlimited
    uses             integer NOT NULL DEFAULT 0,
    expires_at       timestamptz,                         -- null = never
    created_by       bigint REFERENCES participants (id) ON DELETE SET NULL,   -- null = CLI
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (max_uses IS NULL OR uses <= max_uses)
);

-- The consent ledger (152-ФЗ ст. 9, 10.1; ТК РФ ст. 351.8): append-only, one row per event.
-- participant_id is a surrogate number; after erasure no row here names the person.
CREATE TABLE consent_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    participant_id   bigint NOT NULL REFERENCES participants (id),
    kind             text NOT NULL CHECK (kind IN ('personal_data', 'mentoring_duties', 'publication')),
    event            text NOT NULL CHECK (event IN ('given', 'declined', 'withdrawn')),
    text_version     text NOT NULL,
    channel          text NOT NULL,        -- telegram | console
    occurred_at      timestamptz NOT NULL
);
CREATE INDEX consent_events_person_idx ON consent_events (organisation_id, participant_id, kind, occurred_at);
CREATE FUNCTION consent_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_events is append-only';
END $$;
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_events_append_only();

-- What was destroyed after a withdrawal, for the curator's destruction record («акт об уничтожении
-- персональных данных», 152-ФЗ ст. 21). subject is a surrogate («участник №17»), never the name.
CREATE TABLE destruction_records (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    participant_id   bigint NOT NULL,
    reason           text NOT NULL,        -- consent_withdrawn | ...
    destroyed        text[] NOT NULL,      -- categories: «ФИО», «Telegram ID», «ответы анкет», ...
    performed_by     text NOT NULL,        -- «бот (автоматически)» or the curator's role
    performed_at     timestamptz NOT NULL
);

-- A questionnaire answered (or being answered) by a person. Definitions are data in
-- MentorBot.Domain/Questionnaires; a response keeps the version it was answered under.
-- context_key tells apart repeated runs: '' for intake, 'pair:17' for a pair's satisfaction survey.
CREATE TABLE questionnaire_responses (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    membership_id     bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    questionnaire     text NOT NULL,       -- mentee_intake | mentor_intake | satisfaction_mentee | ...
    version           integer NOT NULL,
    context_key       text NOT NULL DEFAULT '',
    status            text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
    answers           jsonb NOT NULL DEFAULT '{}',   -- question id → answer (string | number | bool | [string] | date string)
    history           jsonb NOT NULL DEFAULT '[]',   -- question ids asked, in order (for /back)
    current_question  text,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    completed_at      timestamptz,
    UNIQUE (membership_id, questionnaire, context_key)
);

-- A mentor–mentee link. A mentor with several approved links to mentees is a group
-- («групповая форма»); group_id ties the links of one group together.
CREATE TABLE pairs (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id       uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    mentor_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    mentee_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    -- teacher_teacher | head_teacher | student_student | employer_student | group
    form                  text NOT NULL DEFAULT 'teacher_teacher'
                          CHECK (form IN ('teacher_teacher', 'head_teacher', 'student_student', 'employer_student', 'group')),
    status                text NOT NULL DEFAULT 'proposed'
                          CHECK (status IN ('proposed', 'approved', 'active', 'completed', 'dissolved')),
    score                 double precision,
    reasons               text[] NOT NULL DEFAULT '{}',
    starts_on             date,
    ends_on               date,
    goals                 text[] NOT NULL DEFAULT '{}',   -- up to five, set by the mentor
    meeting_cadence_days  integer NOT NULL DEFAULT 14 CHECK (meeting_cadence_days BETWEEN 1 AND 90),
    dissolved_reason      text,
    created_at            timestamptz NOT NULL,
    approved_at           timestamptz,
    approved_by           bigint REFERENCES participants (id) ON DELETE SET NULL,
    CHECK (mentor_membership_id <> mentee_membership_id),
    CHECK (status <> 'dissolved' OR dissolved_reason IS NOT NULL)
);
-- a mentee has at most one live link
CREATE UNIQUE INDEX pairs_one_live_per_mentee ON pairs (mentee_membership_id)
    WHERE status IN ('approved', 'active');

-- Preference survey (road map 5.1–5.3): who named whom, rank 1..3.
CREATE TABLE match_preferences (
    organisation_id         uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    chooser_membership_id   bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    chosen_membership_id    bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    rank                    integer NOT NULL CHECK (rank BETWEEN 1 AND 3),
    created_at              timestamptz NOT NULL,
    PRIMARY KEY (chooser_membership_id, chosen_membership_id)
);

-- A pair's personal mentoring plan (road map 5, 6).
CREATE TABLE plan_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id     bigint NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('organizational', 'trial', 'planning', 'regular', 'final', 'satisfaction_survey', 'custom')),
    title       text NOT NULL,
    due_on      date NOT NULL,
    done_at     timestamptz,
    meeting_id  bigint,            -- the meeting that ticked it off (FK below)
    UNIQUE (pair_id, position)
);

-- A logged meeting (road map 6). deleted_at: the mentor deleted it within 7 days.
CREATE TABLE meetings (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pair_id           bigint NOT NULL REFERENCES pairs (id) ON DELETE CASCADE,
    logged_by         bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    held_on           date NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    kind              text NOT NULL CHECK (kind IN ('organizational', 'trial', 'planning', 'regular', 'final')),
    format            text CHECK (format IN ('in_person', 'online')),
    topic             text,
    source_text       text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    deleted_at        timestamptz
);
CREATE INDEX meetings_pair_idx ON meetings (pair_id, held_on);
ALTER TABLE plan_items ADD FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE SET NULL;

-- A feedback poll after a meeting (road map 6.5): one per mentee per meeting.
CREATE TABLE feedback_polls (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meeting_id            bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    mentee_membership_id  bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    due_at                timestamptz NOT NULL,
    expires_at            timestamptz NOT NULL,
    score                 integer CHECK (score BETWEEN 1 AND 5),
    comment               text,
    answered_at           timestamptz,
    reminded_at           timestamptz,
    UNIQUE (meeting_id, mentee_membership_id)
);

-- «Нужна помощь куратора» raised from a check-in.
CREATE TABLE flags (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id      uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    pair_id              bigint REFERENCES pairs (id) ON DELETE CASCADE,
    raised_by            bigint NOT NULL REFERENCES memberships (id) ON DELETE CASCADE,
    text                 text NOT NULL,
    raised_at            timestamptz NOT NULL,
    resolved_at          timestamptz,
    resolved_by          bigint REFERENCES participants (id) ON DELETE SET NULL
);

-- Every change of a road-map stage or activity by the curator (issue 3): who and when.
CREATE TABLE road_map_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage_id     bigint REFERENCES road_map_stages (id) ON DELETE CASCADE,
    activity_id  bigint REFERENCES road_map_activities (id) ON DELETE CASCADE,
    action       text NOT NULL CHECK (action IN ('done', 'reopened', 'period_changed')),
    old_value    text,
    new_value    text,
    changed_by   bigint REFERENCES participants (id) ON DELETE SET NULL,
    changed_at   timestamptz NOT NULL,
    CHECK (num_nonnulls(stage_id, activity_id) = 1)
);

-- A road-map responsible person linked to a member holding that position (issue 3 → reminders).
ALTER TABLE road_map_responsible_persons
    ADD COLUMN membership_id bigint REFERENCES memberships (id) ON DELETE SET NULL;

-- The latest consent event per person, organisation and kind: «given» means the consent is in force.
CREATE VIEW current_consents AS
SELECT DISTINCT ON (organisation_id, participant_id, kind)
       organisation_id, participant_id, kind, event, text_version, channel, occurred_at
  FROM consent_events
 ORDER BY organisation_id, participant_id, kind, occurred_at DESC, id DESC;
