// timeline: every event in order with its sources; for a candidate, the events naming them.
// Same columns and rows as `endorsegraph timeline`. An endorsement appears as the event that
// opened it (implied endorsements have none and are left out).
// @param candidate string optional: an entity's id, name or alias (null: everything)
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT (type(r) = 'ENDORSED' AND r.implied)
  AND ($candidate IS NULL OR any(n IN [a, b] WHERE n.id = $candidate
       OR toLower(n.name) = toLower($candidate)
       OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) = toLower($candidate))))
WITH a, r, b,
     CASE type(r) WHEN 'ENDORSED' THEN r.valid_from ELSE r.date END AS day,
     CASE type(r) WHEN 'ENDORSED' THEN r.valid_from_not_before ELSE r.not_before END AS not_before,
     CASE type(r) WHEN 'ENDORSED' THEN r.valid_from_not_after ELSE r.not_after END AS not_after,
     r.action AS action, r.action_order AS action_order
RETURN day AS date,
       not_before,
       not_after,
       a.name AS actor,
       action,
       b.name AS target,
       r.rank AS rank,
       r.group AS `group`,
       r.note AS note,
       CASE WHEN r.event_id IS NULL THEN r.race ELSE r.event_race END AS race,
       coalesce(r.conflicts, []) AS conflicts,
       coalesce(r.event_id, r.id) AS id,
       coalesce(r.event_source_ids, r.source_ids) AS sources
ORDER BY coalesce(day, not_after, date('9999-12-31')),
         CASE WHEN day IS NULL THEN 1 ELSE 0 END,
         coalesce(day, not_before, date('0001-01-01')),
         action_order, a.id, b.id
