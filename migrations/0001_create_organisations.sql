-- An organisation runs one mentoring programme; its IANA time zone decides when background
-- messages may go out (DESIGN.md decision 6).
CREATE TABLE organisations (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) > 0),
    time_zone   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
