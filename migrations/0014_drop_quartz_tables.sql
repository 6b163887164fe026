-- Quartz.NET is replaced by Hangfire (issue 11), which keeps its tables in its own schema «hangfire» and creates
-- them itself. Quartz's tables (qrtz_job_details, qrtz_triggers, qrtz_cron_triggers, qrtz_fired_triggers, qrtz_locks,
-- qrtz_scheduler_state, …) are dropped wherever Quartz provisioned them; an installation that never ran Quartz has none.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT schemaname, tablename FROM pg_tables WHERE tablename LIKE 'qrtz\_%' LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', t.schemaname, t.tablename);
    END LOOP;
END
$$;
