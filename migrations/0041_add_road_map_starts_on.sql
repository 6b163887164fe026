-- The programme's start by its road map (issue 17 item 1): the local date of the first import, or 1 September of
-- the academic year a plan is for when that comes later. Kept across re-imports (the earlier one stays). Nothing
-- whose period ended before it is overdue or reminded: a template's past years never flood a new programme.
-- Null (rows written by hand) means no floor.
ALTER TABLE road_maps ADD COLUMN starts_on date;

UPDATE road_maps r
   SET starts_on = (r.imported_at AT TIME ZONE o.time_zone)::date
  FROM organisations o
 WHERE o.id = r.organisation_id;
