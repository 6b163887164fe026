-- organisations.digest_cron moves from Quartz's form («0 0 9 ? * MON»: seconds first, '?', an optional year,
-- weekdays numbered 1 = Sunday) to the five fields Hangfire's Cronos reads («0 9 * * MON», weekdays 0 = Sunday).
-- Weekdays are stored by name only (CronRules in the code): a Quartz «2» (Monday) would read as Tuesday under Cronos,
-- so numbers are turned into names here and refused from now on by a check constraint. A cron that cannot be carried
-- over (seconds other than 0, a year) falls back to the default, Monday 09:00, with a notice naming the organisation.
CREATE FUNCTION pg_temp.cronos_of_quartz(quartz text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    f text[] := regexp_split_to_array(btrim(quartz), '\s+');
    names text[] := ARRAY['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
    dow text;
BEGIN
    IF array_length(f, 1) NOT IN (6, 7) OR f[1] <> '0' OR (array_length(f, 1) = 7 AND f[7] NOT IN ('*', '?')) THEN
        RETURN NULL;
    END IF;
    dow := CASE f[6] WHEN '?' THEN '*' ELSE upper(f[6]) END;
    -- Quartz's 1..7 are SUN..SAT; a number after '/' (a step) or '#' (the nth weekday) is not a weekday.
    FOR i IN 1..7 LOOP
        dow := regexp_replace(dow, '(?<![/#0-9])' || i || '(?![0-9])', names[i], 'g');
    END LOOP;
    RETURN f[2] || ' ' || f[3] || ' ' || CASE f[4] WHEN '?' THEN '*' ELSE f[4] END || ' ' || f[5] || ' ' || dow;
END
$$;

CREATE FUNCTION pg_temp.is_named_cron(cron text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT cron ~ '^\S+ \S+ \S+ \S+ \S+$' AND split_part(cron, ' ', 5) !~ '(?<![/#0-9])[0-9]'
$$;

DO $$
DECLARE
    o record;
    converted text;
BEGIN
    FOR o IN SELECT id, digest_cron FROM organisations LOOP
        converted := coalesce(pg_temp.cronos_of_quartz(o.digest_cron), o.digest_cron);
        IF NOT pg_temp.is_named_cron(converted) THEN
            RAISE NOTICE 'organisation %: digest cron «%» cannot be carried over; reset to Mondays 09:00', o.id, o.digest_cron;
            converted := '0 9 * * MON';
        END IF;
        UPDATE organisations SET digest_cron = converted WHERE id = o.id;
    END LOOP;
END
$$;

ALTER TABLE organisations
    ALTER COLUMN digest_cron SET DEFAULT '0 9 * * MON',
    ADD CONSTRAINT organisations_digest_cron_named_weekdays
        CHECK (digest_cron ~ '^\S+ \S+ \S+ \S+ \S+$' AND split_part(digest_cron, ' ', 5) !~ '(?<![/#0-9])[0-9]');
