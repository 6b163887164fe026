-- The SWOT analysis of the stage-1 monitoring (issue 14), as the curator saved it after the dialogue in /reports:
-- one per organisation and programme year (year = the calendar year 1 September falls in; 2026 = 2026/2027).
CREATE TABLE monitoring_swot (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    year             integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
    strengths        text[] NOT NULL DEFAULT '{}',
    weaknesses       text[] NOT NULL DEFAULT '{}',
    opportunities    text[] NOT NULL DEFAULT '{}',
    threats          text[] NOT NULL DEFAULT '{}',
    saved_at         timestamptz NOT NULL,
    saved_by         bigint REFERENCES participants (id) ON DELETE SET NULL,
    PRIMARY KEY (organisation_id, year)
);
